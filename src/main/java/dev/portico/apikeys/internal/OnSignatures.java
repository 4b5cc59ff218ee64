package dev.portico.apikeys.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of the reference platform's signed API-key requests (KEY-5): {@code
 * Base64(HMAC-SHA256(secretKey, lower(method + "\n" + nonce + "\n" + date + "\n" + contentType +
 * "\n" + path + "\n" + query + "\n")))}, with path and query raw (still percent-encoded).
 */
public final class OnSignatures {

  public static final String ALGORITHM = "HmacSHA256";

  private static final ThreadLocal<Mac> MACS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance(ALGORITHM);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(e);
            }
          });

  private OnSignatures() {}

  /** The string that is signed. */
  public static String canonical(
      String method, String nonce, String date, String contentType, String path, String query) {
    return (method
            + "\n"
            + nonce
            + "\n"
            + date
            + "\n"
            + contentType
            + "\n"
            + path
            + "\n"
            + query
            + "\n")
        .toLowerCase(Locale.ROOT);
  }

  /** The raw HMAC of the canonical string. */
  public static byte[] mac(SecretKeySpec key, String canonical) {
    Mac mac = MACS.get();
    try {
      mac.init(key);
    } catch (java.security.InvalidKeyException e) {
      throw new IllegalArgumentException("invalid HMAC key", e);
    }
    return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
  }

  /** The Base64 signature a client sends. */
  public static String sign(
      String secretKey,
      String method,
      String nonce,
      String date,
      String contentType,
      String path,
      String query) {
    SecretKeySpec key = new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    return Base64.getEncoder()
        .encodeToString(mac(key, canonical(method, nonce, date, contentType, path, query)));
  }

  /** Whether the Base64 signature matches, compared in constant time. */
  public static boolean matches(SecretKeySpec key, String canonical, String base64Signature) {
    byte[] presented;
    try {
      presented = Base64.getDecoder().decode(base64Signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(mac(key, canonical), presented);
  }
}
