package dev.portico.apikeys.internal;

import dev.portico.apikeys.ApiKeySecretUnavailable;
import dev.portico.apikeys.VerifiedKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A key as the directory caches it: what verification returns ({@link VerifiedKey}) and the opened
 * secret it verifies with. Never leaves the API-keys module.
 *
 * @param hmacKey the secret as an HMAC-SHA256 key (KEY-5), {@code null} when {@code unavailable}
 * @param secret the secret's bytes, for the Basic comparison (KEY-6); empty when {@code
 *     unavailable}
 * @param unavailable why this node cannot open the secret ({@link ApiKeySecretUnavailable}
 *     reasons), {@code null} when it can
 */
public record ResolvedKey(
    VerifiedKey key, @Nullable SecretKeySpec hmacKey, byte[] secret, @Nullable String unavailable) {

  /** A key whose secret this node opened. */
  public static ResolvedKey of(VerifiedKey key, String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    return new ResolvedKey(key, new SecretKeySpec(bytes, OnSignatures.ALGORITHM), bytes, null);
  }

  /** A key whose secret this node cannot open, for the given reason. */
  public static ResolvedKey unavailable(VerifiedKey key, String reason) {
    return new ResolvedKey(key, null, new byte[0], reason);
  }

  /**
   * The HMAC key.
   *
   * @throws ApiKeySecretUnavailable when this node cannot open the secret
   */
  public SecretKeySpec requireHmacKey() {
    requireAvailable();
    return java.util.Objects.requireNonNull(hmacKey);
  }

  /**
   * The secret's bytes, not copied: callers compare, never keep or change them.
   *
   * @throws ApiKeySecretUnavailable when this node cannot open the secret
   */
  public byte[] requireSecret() {
    requireAvailable();
    return secret;
  }

  private void requireAvailable() {
    if (unavailable != null) {
      throw new ApiKeySecretUnavailable(unavailable);
    }
  }

  @Override
  public String toString() {
    return "ResolvedKey[" + key.keyId() + "]";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ResolvedKey other
        && other.key.equals(key)
        && Arrays.equals(other.secret, secret)
        && java.util.Objects.equals(other.unavailable, unavailable);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }
}
