package dev.portico.authserver.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The stored form of codes, tokens and consent states (OAU-6): lower-case hex of their SHA-256. A
 * value read back from the database is unknown, so a token object built from a row carries a
 * <em>placeholder</em> instead: {@value #PLACEHOLDER_PREFIX} followed by the stored hash. It is not
 * usable as a token (presenting it hashes it again, which matches nothing), and saving it keeps the
 * stored hash as it is.
 */
public final class TokenHashes {

  public static final String PLACEHOLDER_PREFIX = "hashed:";

  private TokenHashes() {}

  public static String sha256Hex(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** The placeholder value of a token whose stored hash is this. */
  public static String placeholder(String hash) {
    return PLACEHOLDER_PREFIX + hash;
  }

  /**
   * The hash to store for a token value: the hash a placeholder carries, or the SHA-256 of a real
   * value.
   */
  public static @Nullable String storedHash(@Nullable String value) {
    if (value == null) {
      return null;
    }
    if (value.startsWith(PLACEHOLDER_PREFIX)
        && value.length() == PLACEHOLDER_PREFIX.length() + 64) {
      return value.substring(PLACEHOLDER_PREFIX.length());
    }
    return sha256Hex(value);
  }
}
