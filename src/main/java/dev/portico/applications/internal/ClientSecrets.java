package dev.portico.applications.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Makes client ids and secrets (APP-3) and hashes secrets. A client id is 192 random bits in Base32
 * with its padding (40 characters ending in {@code =}, like the reference platform's); a secret is
 * 256 random bits in Base32 (56 characters). Because a secret is a high-entropy random value, one
 * SHA-256 is as good as a slow hash against guessing and costs a microsecond instead of BCrypt's
 * tens of milliseconds on every token request (DESIGN "The hot path").
 */
@Component
public class ClientSecrets {

  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final int CLIENT_ID_BYTES = 24;
  private static final int SECRET_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  public String newClientId() {
    return base32(randomBytes(CLIENT_ID_BYTES));
  }

  public String newSecret() {
    return base32(randomBytes(SECRET_BYTES));
  }

  /** The stored form of a secret: lower-case hex of its SHA-256. */
  public static String hash(String secret) {
    return HexFormat.of().formatHex(digest(secret));
  }

  /**
   * Whether the secret hashes to the stored hash, in time that does not depend on where they
   * differ. A {@code null} stored hash never matches, after the same work.
   */
  public static boolean matches(String secret, @org.jspecify.annotations.Nullable String stored) {
    byte[] given = digest(secret);
    byte[] expected =
        stored == null || stored.length() != 64 ? new byte[32] : HexFormat.of().parseHex(stored);
    return MessageDigest.isEqual(given, expected) && stored != null;
  }

  private static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  /** RFC 4648 Base32 with padding. */
  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length + 4) / 5 * 8);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    while (out.length() % 8 != 0) {
      out.append('=');
    }
    return out.toString();
  }
}
