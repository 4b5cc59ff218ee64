package dev.portico.authserver;

/**
 * A Bearer access token that exists but opens nothing any more (API-1): it expired, its grant or
 * application is gone, its user is suspended or may no longer use the application (SHR-3). The
 * message names only the reason, never the token.
 */
public class AccessTokenRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Reason reason;

  public AccessTokenRefused(Reason reason) {
    super("Access token refused (" + reason + ")", null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** Why a known token is refused. */
  public enum Reason {
    /** Past its expiry. */
    EXPIRED,
    /** Its application was deleted (or is not the one it was issued to). */
    APPLICATION_GONE,
    /** Its user is not active (suspended). */
    INACTIVE_USER,
    /** Its user may no longer hold a grant of the application (GrantPolicy). */
    NOT_ALLOWED
  }
}
