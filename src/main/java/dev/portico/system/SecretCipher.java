package dev.portico.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seals API-key secrets with AES-256-GCM (KEY-2). A sealed value is {@code <keyId>:<Base64(iv ||
 * ciphertext || tag)>}; the access key is the associated data, so a sealed secret copied onto
 * another row does not open. Several keys may be configured for rotation; new secrets use the
 * active one, and a secret opens with whichever configured key its id names.
 */
@Component
public class SecretCipher {

  private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String GENERATED_ID = "local";

  private final Map<String, SecretKey> keys;
  private final String activeId;
  private final SecureRandom random = new SecureRandom();

  public SecretCipher(EncryptionSettings settings) {
    Map<String, SecretKey> configured = new LinkedHashMap<>();
    settings.encryptionKeys().forEach((id, encoded) -> configured.put(id, aesKey(id, encoded)));
    if (configured.isEmpty()) {
      configured.put(GENERATED_ID, localKey(Path.of(settings.keyFile())));
    }
    String active = settings.activeKey();
    if (active == null || active.isBlank()) {
      if (configured.size() > 1) {
        throw new IllegalStateException(
            "portico.apikeys.active-key must name one of portico.apikeys.encryption-keys");
      }
      active = configured.keySet().iterator().next();
    }
    if (!configured.containsKey(active)) {
      throw new IllegalStateException(
          "portico.apikeys.active-key '"
              + active
              + "' is not among portico.apikeys.encryption-keys");
    }
    this.keys = Map.copyOf(configured);
    this.activeId = active;
  }

  /** Seals a secret with the active key, bound to its access key. */
  public String seal(String secret, String accessKey) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(accessKey.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return activeId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** Opens a sealed secret; fails if it was tampered with or sealed for another access key. */
  public String open(String sealed, String accessKey) {
    int colon = sealed.indexOf(':');
    String keyId = colon < 0 ? "" : sealed.substring(0, colon);
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new UnknownEncryptionKey(keyId);
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealed.substring(colon + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(accessKey.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("API-key secret cannot be opened", e);
    }
  }

  /** Whether a sealed value uses a key other than the active one (and should be re-sealed). */
  public boolean isStale(String sealed) {
    return !sealed.startsWith(activeId + ":");
  }

  /** The id of the key new secrets are sealed with. */
  public String activeId() {
    return activeId;
  }

  /** The configured key ids other than the active one, sorted. */
  public Set<String> retiredIds() {
    Set<String> ids = new TreeSet<>(keys.keySet());
    ids.remove(activeId);
    return ids;
  }

  /**
   * A secret sealed with a key id this node is not configured with: a rotation step was done on
   * another node before this one learnt the key. Carries the id (not secret), never the value.
   */
  public static final class UnknownEncryptionKey extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String keyId;

    UnknownEncryptionKey(String keyId) {
      super(
          "API-key secret sealed with encryption key id '"
              + keyId
              + "', which is not among portico.apikeys.encryption-keys on this node");
      this.keyId = keyId;
    }

    public String keyId() {
      return keyId;
    }
  }

  private static SecretKey aesKey(String id, String encoded) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "portico.apikeys.encryption-keys." + id + " is not Base64", e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          "portico.apikeys.encryption-keys." + id + " must be 32 bytes (AES-256), Base64-encoded");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  /** A key kept in a local file: fine for one node, never for several (each would differ). */
  private SecretKey localKey(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system
        }
        log.warn(
            "No portico.apikeys.encryption-keys configured: generated a local key in {}. Configure one shared key for several nodes.",
            file);
      }
      return aesKey(GENERATED_ID, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read or create the API-key encryption key file " + file, e);
    }
  }
}
