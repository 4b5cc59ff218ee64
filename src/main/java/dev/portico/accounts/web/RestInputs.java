package dev.portico.accounts.web;

import org.jspecify.annotations.Nullable;

/** How REST bodies of this module reach the services' commands. */
final class RestInputs {

  /** Search text longer than this is cut, as in the console. */
  static final int MAX_QUERY = 100;

  private RestInputs() {}

  static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  static @Nullable String query(@Nullable String q) {
    if (q == null || q.isBlank()) {
      return null;
    }
    return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
  }
}
