package dev.portico.apikeys;

/**
 * A signed or Basic API-key request did not verify (KEY-7). The reason codes are those the gateway
 * sends in its 401 body, and never tell whether an access key exists: an unknown key and a wrong
 * signature are both {@link #INVALID_SIGNATURE}, an unknown key and a wrong Basic secret both
 * {@link #INVALID_CREDENTIALS}. Thrown on every failed attempt, so it carries no stack trace.
 */
public class ApiKeyVerificationFailed extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The {@code Authorization} names another algorithm than {@code HmacSHA256}. */
  public static final String MALFORMED = "malformed_authorization";

  /** The nonce is shorter than 16 characters, longer than 128, or not alphanumeric. */
  public static final String BAD_NONCE = "invalid_nonce";

  /** The {@code Date} is missing, unreadable, or further from server time than the skew. */
  public static final String STALE_DATE = "stale_date";

  /** Unknown access key or wrong signature: one answer for both. */
  public static final String INVALID_SIGNATURE = "invalid_signature";

  /** Unknown access key or wrong Basic secret: one answer for both. */
  public static final String INVALID_CREDENTIALS = "invalid_credentials";

  private final String reason;

  public ApiKeyVerificationFailed(String reason) {
    super("API key not verified (" + reason + ")", null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
