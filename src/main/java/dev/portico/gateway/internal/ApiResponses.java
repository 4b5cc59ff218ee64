package dev.portico.gateway.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The reference platform's error bodies for {@code /api/**} (KEY-7, USE-4): small JSON objects with
 * {@code message}, {@code status} and, for 401 and 503, a {@code reason} code, written without a
 * JSON library because their values are fixed strings.
 */
final class ApiResponses {

  static final String RATE_LIMIT_REMAINING = "X-Rate-Limit-Remaining";

  /** The reason code of a 503 when the nonce store gives no clear answer (fail closed). */
  static final String NONCE_STORE_UNAVAILABLE = "nonce_store_unavailable";

  /** The reason code of a 503 when a key, user or stack not in cache cannot be read. */
  static final String CREDENTIAL_STORE_UNAVAILABLE = "credential_store_unavailable";

  private ApiResponses() {}

  static void unauthenticated(HttpServletResponse response, String reason) throws IOException {
    write(
        response,
        401,
        "{\"message\":\"Unauthenticated API request\",\"status\":401,\"reason\":\""
            + reason
            + "\"}");
  }

  static void forbidden(HttpServletResponse response, String scope) throws IOException {
    write(
        response,
        403,
        "{\"message\":\"Forbidden: the credential lacks the scope "
            + scope
            + "\",\"status\":403,\"requiredScope\":\""
            + scope
            + "\"}");
  }

  static void tooManyRequests(HttpServletResponse response, long retryAfterSeconds)
      throws IOException {
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    write(
        response,
        429,
        "{\"message\":\"Too many requests. Retry after "
            + retryAfterSeconds
            + " s.\",\"status\":429}");
  }

  /** USE-4: the account's allocation is used up; the body is the reference platform's, exactly. */
  static void paymentRequired(HttpServletResponse response) throws IOException {
    write(
        response,
        402,
        "{\"message\":\"API limits have been reached. Contact your administrator.\",\"status\":402}");
  }

  /**
   * 503 with a reason code: the request was not processed. A client retries with a freshly signed
   * request (a new nonce): a write that timed out may still reach the database and spend the old
   * one.
   */
  static void serviceUnavailable(HttpServletResponse response, String reason) throws IOException {
    response.setHeader("Retry-After", "1");
    write(
        response,
        503,
        "{\"message\":\"Service unavailable, try again\",\"status\":503,\"reason\":\""
            + reason
            + "\"}");
  }

  private static void write(HttpServletResponse response, int status, String json)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(json);
  }
}
