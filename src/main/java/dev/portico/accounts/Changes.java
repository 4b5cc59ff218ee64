package dev.portico.accounts;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builds the audit diff of a change ({@code field → "before → after"}), shared by the services. */
final class Changes {

  private Changes() {}

  static void diff(
      Map<String, String> diff, String field, @Nullable Object before, @Nullable Object after) {
    if (!Objects.equals(before, after)) {
      diff.put(field, (before == null ? "—" : before) + " → " + (after == null ? "—" : after));
    }
  }
}
