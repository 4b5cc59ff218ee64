package dev.portico.gateway.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The reference platform's error bodies for {@code /api/**} (KEY-7, USE-4): small JSON objects with
 * {@code message} and {@code status}, written without a JSON library because their values are fixed
 * strings.
 */
final class ApiResponses {

  static final String RATE_LIMIT_REMAINING = "X-Rate-Limit-Remaining";

  private ApiResponses() {}

  static void unauthenticated(HttpServletResponse response, String reason) throws IOException {
    write(
        response,
        401,
        "{\"message\":\"Unauthenticated API request\",\"status\":401,\"reason\":\""
            + reason
            + "\"}");
  }

  /** The node cannot decide now (a store or a secret it needs is unavailable): retry later. */
  static void unavailable(HttpServletResponse response, String reason) throws IOException {
    write(
        response,
        503,
        "{\"message\":\"Service unavailable\",\"status\":503,\"reason\":\"" + reason + "\"}");
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

  private static void write(HttpServletResponse response, int status, String json)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(json);
  }
}
