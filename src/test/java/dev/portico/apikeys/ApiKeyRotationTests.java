package dev.portico.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.Scope;
import dev.portico.accounts.UserManagement;
import dev.portico.apikeys.internal.ApiKeys;
import dev.portico.apikeys.internal.SecretCipher;
import dev.portico.apikeys.internal.TestSecretCiphers;
import dev.portico.system.InputValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;

/** Rotating the encryption key: secrets sealed with a retired key are re-sealed at start. */
class ApiKeyRotationTests {

  private static final String SECRET = "Secret0123456789abcdefghijklmnopqrstuvwxyzABCD";

  private final String oldKey = TestSecretCiphers.newKey();
  private final String newKey = TestSecretCiphers.newKey();
  private final ApiKeys keys = mock(ApiKeys.class);

  @Test
  void resealStaleWhenActiveKeyChangedThenOldSecretsAreResealedWithTheNewKey() {
    ApiKey stale = key("StaleAccessKey000000001");
    ApiKey current = key("CurrentAccessKey0000001");
    SecretCipher rotating = TestSecretCiphers.of(Map.of("old", oldKey, "new", newKey), "new");
    String sealedWithOld =
        TestSecretCiphers.of(Map.of("old", oldKey), null).seal(SECRET, stale.accessKey());
    when(keys.all())
        .thenReturn(
            List.of(
                new ApiKeys.Sealed(stale, sealedWithOld),
                new ApiKeys.Sealed(current, rotating.seal(SECRET, current.accessKey()))));

    int count = management(rotating).resealStale();

    assertThat(count).isEqualTo(1);
    ArgumentCaptor<String> resealed = ArgumentCaptor.forClass(String.class);
    verify(keys).reseal(eq(stale.id()), resealed.capture());
    verify(keys, never()).reseal(eq(current.id()), any());
    assertThat(
            TestSecretCiphers.of(Map.of("new", newKey), null)
                .open(resealed.getValue(), stale.accessKey()))
        .isEqualTo(SECRET);
  }

  private ApiKeyManagement management(SecretCipher cipher) {
    return new ApiKeyManagement(
        keys,
        cipher,
        mock(AccountManagement.class),
        mock(UserManagement.class),
        mock(AccountAccess.class),
        mock(InputValidator.class),
        new ApiKeysSettings(
            Map.of(),
            null,
            "unused",
            2,
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30)),
        mock(ApplicationEventPublisher.class),
        Clock.systemUTC());
  }

  private static ApiKey key(String accessKey) {
    return new ApiKey(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Key",
        accessKey,
        Set.of(Scope.OAuth2Read),
        "public",
        Instant.now(),
        null,
        null);
  }
}
