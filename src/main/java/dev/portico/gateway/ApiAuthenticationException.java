package dev.portico.gateway;

import org.springframework.security.core.AuthenticationException;

/**
 * An {@code /api/**} request that did not authenticate, with the reason code sent in the 401 body
 * (KEY-7). Reasons never tell whether an access key exists: an unknown key and a wrong signature
 * are both {@code invalid_signature}.
 */
public class ApiAuthenticationException extends AuthenticationException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  public ApiAuthenticationException(String reason) {
    super("Unauthenticated API request (" + reason + ")");
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }

  public static final String MISSING = "missing_credentials";
  public static final String MALFORMED = "malformed_authorization";
  public static final String UNSUPPORTED = "unsupported_credentials";
  public static final String INVALID_SIGNATURE = "invalid_signature";
  public static final String INVALID_KEY = "invalid_credentials";
  public static final String STALE_DATE = "stale_date";
  public static final String BAD_NONCE = "invalid_nonce";
  public static final String REPLAYED_NONCE = "replayed_nonce";
  public static final String INACTIVE_USER = "inactive_user";
  public static final String WRONG_STACK = "wrong_stack";
}
