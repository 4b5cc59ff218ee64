package dev.portico.gateway.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The RFC 9457 problems of the upstream proxy (API-3), in the shape and {@code type} base of {@code
 * system.ProblemDetailsAdvice}: they never name the upstream's address nor carry a stack trace, and
 * no failure of the upstream becomes a 500. Written without a JSON library: every value is a fixed
 * text.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a>
 */
final class UpstreamProblems {

  /** The {@code type} base of every Portico problem ({@code ProblemDetailsAdvice.TYPE_BASE}). */
  private static final String TYPE_BASE = "https://portico.dev/problems/";

  private UpstreamProblems() {}

  /** 502: the upstream refused the connection, could not be reached or resolved. */
  static void unreachable(HttpServletResponse response) throws IOException {
    write(
        response,
        502,
        "upstream-unavailable",
        "Upstream unavailable",
        "The service behind this API path could not be reached. Try again later.");
  }

  /** 502: the upstream closed the connection or answered something that is not HTTP. */
  static void badAnswer(HttpServletResponse response) throws IOException {
    write(
        response,
        502,
        "bad-gateway",
        "Bad gateway",
        "The service behind this API path did not send a valid answer. Try again later.");
  }

  /** 504: no connection accepted within the connect timeout. */
  static void connectTimeout(HttpServletResponse response, Duration timeout) throws IOException {
    write(
        response,
        504,
        "upstream-timeout",
        "Upstream timeout",
        "The service behind this API path did not accept the connection within "
            + seconds(timeout)
            + ".");
  }

  /** 504: no answer within the read timeout. */
  static void readTimeout(HttpServletResponse response, Duration timeout) throws IOException {
    write(
        response,
        504,
        "upstream-timeout",
        "Upstream timeout",
        "The service behind this API path did not answer within " + seconds(timeout) + ".");
  }

  /** 413: the body is larger than the upstream limit; nothing of it was answered. */
  static void tooLarge(HttpServletResponse response, long limit) throws IOException {
    long mib = 1024 * 1024;
    String size = limit % mib == 0 ? (limit / mib) + " MiB" : limit + " bytes";
    write(
        response,
        413,
        "payload-too-large",
        "Payload too large",
        "The request body is larger than " + size + ".");
  }

  /** 404 in the shape of {@code system.ApiPathAdvice}: no such API path. */
  static void notFound(HttpServletResponse response) throws IOException {
    write(response, 404, "not-found", "Not found", "There is no such API path.");
  }

  /** 400: the path or query cannot be sent on as a URL. */
  static void badTarget(HttpServletResponse response) throws IOException {
    write(
        response,
        400,
        "bad-request",
        "Bad request",
        "The request path or query is not a valid URL and cannot be forwarded.");
  }

  private static String seconds(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
  }

  private static void write(
      HttpServletResponse response, int status, String type, String title, String detail)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\""
                + TYPE_BASE
                + type
                + "\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\"}");
  }
}
