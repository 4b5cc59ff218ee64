package dev.portico.usage.internal;

import dev.portico.accounts.ApiCaller;
import dev.portico.usage.UnmeteredApplications;
import java.util.UUID;

/**
 * What counts (USE-2): answers with status 2xx or 3xx, made with an API key or an OAuth token,
 * built-in, developer and proxied endpoints alike — but not the operator's own calls, and not the
 * calls of a public store app.
 */
final class Metered {

  private Metered() {}

  /**
   * Whether this caller's calls count toward its account's allocation at all: not the operator's,
   * and not those made with the token of an app that {@code unmetered} names (public in the store).
   */
  static boolean counts(ApiCaller caller, UnmeteredApplications unmetered) {
    if (caller.operator()) {
      return false;
    }
    UUID app = caller.applicationId();
    return app == null || !unmetered.isUnmetered(app);
  }

  /** Only answers a client can use count: 2xx and 3xx. */
  static boolean countsStatus(int status) {
    return status >= 200 && status < 400;
  }
}
