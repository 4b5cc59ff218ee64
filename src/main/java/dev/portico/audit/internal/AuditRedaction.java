package dev.portico.audit.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Keeps audit entries bounded and free of secrets. Publishers already promise diffs without secrets
 * ({@link dev.portico.system.AuditableEvent#diff()}); this is the second line of defence, so a
 * careless event can neither leak a secret into the log nor fill the table with megabytes.
 */
final class AuditRedaction {

  static final int MAX_ACTION = 100;
  static final int MAX_TARGET = 300;
  static final int MAX_EMAIL = 254;
  static final int MAX_SOURCE_IP = 64;
  static final int MAX_FIELDS = 50;
  static final int MAX_FIELD_NAME = 100;
  static final int MAX_VALUE = 1000;

  /** What a secret-looking field's value is replaced with. */
  static final String REDACTED = "(redacted)";

  /** The field that says how many fields were cut off beyond {@link #MAX_FIELDS}. */
  static final String MORE_FIELDS = "…";

  /** Field-name parts that mark a secret, compared against the lower-cased letters and digits. */
  private static final Set<String> SECRET_WORDS =
      Set.of("password", "passwd", "passphrase", "secret", "token", "credential", "keymaterial");

  /** Names ending in "key" are key material, except these identifiers that are shown anyway. */
  private static final Set<String> PUBLIC_KEYS = Set.of("accesskey", "publickey");

  /**
   * Values that only say that a secret changed, never what it is: they are kept so the log still
   * reads "password: changed" rather than losing the fact.
   */
  private static final Set<String> MARKERS =
      Set.of("changed", "set", "regenerated", "removed", "revoked", "cleared");

  private AuditRedaction() {}

  /**
   * The diff as it may be stored: sorted by field name, values of secret-looking fields redacted,
   * names and values capped, and at most {@link #MAX_FIELDS} fields.
   */
  static Map<String, String> diff(Map<String, String> diff) {
    Map<String, String> sorted = new TreeMap<>(diff);
    Map<String, String> safe = new TreeMap<>();
    int left = sorted.size();
    for (Map.Entry<String, String> field : sorted.entrySet()) {
      if (safe.size() == MAX_FIELDS) {
        safe.put(MORE_FIELDS, left + " more field(s) not recorded");
        break;
      }
      String name = cap(field.getKey(), MAX_FIELD_NAME);
      safe.put(
          name, looksSecret(name) ? redact(field.getValue()) : cap(field.getValue(), MAX_VALUE));
      left--;
    }
    return safe;
  }

  /** Whether a diff field's name suggests that its value is a password, secret, token or key. */
  static boolean looksSecret(String field) {
    String name = field.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    for (String word : SECRET_WORDS) {
      if (name.contains(word)) {
        return true;
      }
    }
    return name.endsWith("key") && !PUBLIC_KEYS.contains(name);
  }

  /**
   * The text cut to {@code max} characters (marked with "…"), with control characters turned into
   * spaces so that an entry is always one line.
   */
  static String cap(String text, int max) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (sb.length() <= max) {
      return sb.toString();
    }
    int end = max - 1;
    if (Character.isHighSurrogate(sb.charAt(end - 1))) {
      end--; // never split a character in two
    }
    return sb.substring(0, end) + "…";
  }

  static @Nullable String capNullable(@Nullable String text, int max) {
    return text == null ? null : cap(text, max);
  }

  private static String redact(String value) {
    String marker = value.strip().toLowerCase(Locale.ROOT);
    return MARKERS.contains(marker) ? marker : REDACTED;
  }
}
