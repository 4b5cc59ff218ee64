package dev.portico.extensions.internal;

/**
 * An action call that brought back no answer Portico may use (EXT-4), with a message for the user
 * that names what happened but never the token or an internal address.
 */
public final class ActionCallFailed extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The URL is not an absolute http(s) URL. */
    INVALID_URL,
    /** The host resolved to an address actions may not reach (SSRF). */
    ADDRESS_REFUSED,
    /** A redirect to another host, off https, or one too many. */
    REDIRECT_REFUSED,
    /** The answer was larger than {@code portico.extensions.actions.max-response-bytes}. */
    TOO_LARGE,
    /** No complete answer within {@code portico.extensions.actions.timeout}. */
    TIMEOUT,
    /** The host was not found, refused the connection, or the connection broke. */
    UNREACHABLE
  }

  private final Reason reason;

  public ActionCallFailed(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
