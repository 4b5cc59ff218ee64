package dev.portico.usage.internal;

import dev.portico.accounts.ApiCaller;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What counts (USE-2): answers with status 2xx or 3xx, made with an API key or an OAuth token,
 * built-in, developer and proxied endpoints alike — but not the operator's own calls, and not the
 * calls of a public store app.
 */
final class Metered {

  private Metered() {}

  /** Whether this caller's calls count toward its account's allocation at all. */
  static boolean counts(ApiCaller caller) {
    return !caller.operator() && !isPublicStoreApp(caller.applicationId());
  }

  /** Only answers a client can use count: 2xx and 3xx. */
  static boolean countsStatus(int status) {
    return status >= 200 && status < 400;
  }

  /**
   * SEAM (USE-2, the store issue): calls of an app that is public in the store do not count. The
   * store does not exist yet, so no app is public; the store issue answers this from its cached
   * view of store entries (no database round trip on the hot path).
   */
  static boolean isPublicStoreApp(@Nullable UUID applicationId) {
    return false;
  }
}
