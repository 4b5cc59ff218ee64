package dev.portico.audit;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Narrows an audit log: entries whose action starts with {@code actionPrefix} (for example {@code
 * user.}) and whose actor email or target contains {@code text}, case-insensitively. A {@code null}
 * part matches everything.
 */
public record AuditFilter(@Nullable String actionPrefix, @Nullable String text) {

  /** Longest filter text kept; anything longer is cut, as a search box would. */
  public static final int MAX_LENGTH = 100;

  /** Every entry. */
  public static final AuditFilter NONE = new AuditFilter(null, null);

  public AuditFilter {
    actionPrefix = normalize(actionPrefix);
    if (actionPrefix != null) {
      actionPrefix = actionPrefix.toLowerCase(Locale.ROOT);
    }
    text = normalize(text);
  }

  private static @Nullable String normalize(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    return stripped.length() > MAX_LENGTH ? stripped.substring(0, MAX_LENGTH) : stripped;
  }
}
