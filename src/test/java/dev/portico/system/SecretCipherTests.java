package dev.portico.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AES-256-GCM sealing of API-key secrets at rest (KEY-2). */
class SecretCipherTests {

  private static final String SECRET = "Secret0123456789abcdefghijklmnopqrstuvwxyzABCD";
  private static final String ACCESS_KEY = "AccessKey0123456789ABCD";

  private final String oldKey = TestSecretCiphers.newKey();
  private final String newKey = TestSecretCiphers.newKey();

  @Test
  void sealedSecretOpensToTheSameSecret() {
    SecretCipher cipher = TestSecretCiphers.of(Map.of("k1", oldKey), null);

    String sealed = cipher.seal(SECRET, ACCESS_KEY);

    assertThat(sealed).startsWith("k1:").doesNotContain(SECRET);
    assertThat(cipher.open(sealed, ACCESS_KEY)).isEqualTo(SECRET);
  }

  @Test
  void sameSecretSealsDifferentlyEachTime() {
    SecretCipher cipher = TestSecretCiphers.of(Map.of("k1", oldKey), null);

    assertThat(cipher.seal(SECRET, ACCESS_KEY)).isNotEqualTo(cipher.seal(SECRET, ACCESS_KEY));
  }

  @Test
  void tamperedCiphertextDoesNotOpen() {
    SecretCipher cipher = TestSecretCiphers.of(Map.of("k1", oldKey), null);
    String sealed = cipher.seal(SECRET, ACCESS_KEY);
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
    bytes[bytes.length / 2] ^= 0x01;
    String tampered = "k1:" + Base64.getEncoder().encodeToString(bytes);

    assertThatIllegalStateException().isThrownBy(() -> cipher.open(tampered, ACCESS_KEY));
  }

  @Test
  void secretSealedForOneAccessKeyDoesNotOpenForAnother() {
    SecretCipher cipher = TestSecretCiphers.of(Map.of("k1", oldKey), null);
    String sealed = cipher.seal(SECRET, ACCESS_KEY);

    assertThatIllegalStateException()
        .isThrownBy(() -> cipher.open(sealed, "AnotherAccessKey0123456"));
  }

  @Test
  void secretSealedWithAnotherKeyUnderTheSameIdDoesNotOpen() {
    String sealed = TestSecretCiphers.of(Map.of("k1", oldKey), null).seal(SECRET, ACCESS_KEY);

    assertThatIllegalStateException()
        .isThrownBy(
            () -> TestSecretCiphers.of(Map.of("k1", newKey), null).open(sealed, ACCESS_KEY));
  }

  @Test
  void rotationWithTwoKeysOpensOldSecretsAndResealsThemWithTheActiveKey() {
    String sealedWithOld =
        TestSecretCiphers.of(Map.of("old", oldKey), null).seal(SECRET, ACCESS_KEY);
    SecretCipher rotating = TestSecretCiphers.of(Map.of("old", oldKey, "new", newKey), "new");

    assertThat(rotating.isStale(sealedWithOld)).isTrue();
    String resealed = rotating.seal(rotating.open(sealedWithOld, ACCESS_KEY), ACCESS_KEY);

    assertThat(resealed).startsWith("new:");
    assertThat(rotating.isStale(resealed)).isFalse();
    SecretCipher afterRemoval = TestSecretCiphers.of(Map.of("new", newKey), null);
    assertThat(afterRemoval.open(resealed, ACCESS_KEY)).isEqualTo(SECRET);
    assertThatIllegalStateException()
        .isThrownBy(() -> afterRemoval.open(sealedWithOld, ACCESS_KEY))
        .withMessageContaining("'old', which is not among portico.apikeys.encryption-keys");
  }

  @Test
  void severalKeysWithoutAnActiveKeyAreRefused() {
    assertThatIllegalStateException()
        .isThrownBy(() -> TestSecretCiphers.of(Map.of("a", oldKey, "b", newKey), null))
        .withMessageContaining("portico.apikeys.active-key");
  }

  @Test
  void activeKeyMustBeConfigured() {
    assertThatIllegalStateException()
        .isThrownBy(() -> TestSecretCiphers.of(Map.of("a", oldKey), "b"))
        .withMessageContaining("is not among");
  }

  @Test
  void keyOfTheWrongLengthIsRefused() {
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatIllegalStateException()
        .isThrownBy(() -> TestSecretCiphers.of(Map.of("a", short16), null))
        .withMessageContaining("32 bytes");
  }
}
