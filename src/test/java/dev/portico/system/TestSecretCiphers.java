package dev.portico.system;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link SecretCipher}s over in-memory keys, for unit tests that never touch a key file. */
public final class TestSecretCiphers {

  private TestSecretCiphers() {}

  /**
   * A fresh random AES-256 key, Base64-encoded as {@code portico.apikeys.encryption-keys} wants.
   */
  public static String newKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** A cipher with these keys by id, sealing with {@code activeKey}. */
  public static SecretCipher of(Map<String, String> keys, @Nullable String activeKey) {
    return new SecretCipher(settings(keys, activeKey));
  }

  /** Settings with these encryption keys and the default key file. */
  public static EncryptionSettings settings(Map<String, String> keys, @Nullable String activeKey) {
    return new EncryptionSettings(keys, activeKey, "unused");
  }
}
