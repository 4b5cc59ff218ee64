package dev.portico.apikeys;

/**
 * The key exists but this node cannot open its secret, so it can neither accept nor refuse the
 * request: the gateway answers 503 with {@link #reason()}, never 500 and never 401. It happens when
 * the secret was sealed with an encryption key this node is not configured with (a rotation done
 * out of order, see {@code docs/apikeys.md}) or when the sealed value is damaged. The error is
 * logged once per encryption key id (or access key), not per request.
 */
public class ApiKeySecretUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The secret was sealed with an encryption key id this node does not know. */
  public static final String UNKNOWN_ENCRYPTION_KEY = "unknown_encryption_key";

  /** The sealed secret does not open with the key its id names (damaged or tampered with). */
  public static final String UNREADABLE_SECRET = "unreadable_secret";

  private final String reason;

  public ApiKeySecretUnavailable(String reason) {
    super("API-key secret unavailable on this node (" + reason + ")", null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
