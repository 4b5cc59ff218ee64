package dev.portico.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the console over real HTTP: keeps cookies, reads the CSRF token
 * from the form it was served, and follows redirects only when asked so tests can look at each hop.
 * It is independent of Spring's test support on purpose: it sees exactly what a browser would.
 */
public final class ConsoleClient {

  /** The console's session cookie (Spring Session, shared by every node). */
  public static final String SESSION_COOKIE = "PORTICO_SESSION";

  private static final Pattern CSRF =
      Pattern.compile(
          "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|"
              + "<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  private final URI base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  public ConsoleClient(int port) {
    this.base = URI.create("http://localhost:" + port);
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** GET without following redirects. */
  public HttpResponse<String> get(String pathOrUrl) {
    return send(HttpRequest.newBuilder(resolve(pathOrUrl)).GET());
  }

  /** GET with this session id instead of the cookie jar's, as someone who planted it would. */
  public HttpResponse<String> getWithSession(String path, String sessionId) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Cookie", SESSION_COOKIE + "=" + sessionId)
            .GET());
  }

  /** POST a form (url-encoded, in the given order) without following redirects. */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** POST an already url-encoded form body (repeated names allowed) without following redirects. */
  public HttpResponse<String> postEncoded(String path, String body) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * POST a {@code multipart/form-data} form (text fields, in order) with the CSRF token of the page
   * at {@code formPage}, as a browser sends a form with a file input, without following redirects.
   */
  public HttpResponse<String> submitMultipart(
      String formPage, String action, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("_csrf", csrfToken(get(formPage).body()));
    String boundary = "----PorticoTest" + Long.toHexString(System.nanoTime());
    StringBuilder body = new StringBuilder();
    form.forEach(
        (name, value) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return send(
        HttpRequest.newBuilder(resolve(action))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  /** POST a form with the CSRF token of the page at {@code formPage}, as a browser would. */
  public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
    String token = csrfToken(get(formPage).body());
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("_csrf", token);
    return post(action, form);
  }

  /** Signs in through the login form; answers the response to the POST (a redirect). */
  public HttpResponse<String> signIn(String email, String password) {
    return submit("/login", "/login", Map.of("email", email, "password", password));
  }

  /** Follows redirects (GET, same as a browser after a 302/303) until a non-redirect answer. */
  public HttpResponse<String> follow(HttpResponse<String> response) {
    HttpResponse<String> current = response;
    for (int hops = 0; hops < 10 && isRedirect(current); hops++) {
      String location = current.headers().firstValue("Location").orElseThrow();
      current = send(HttpRequest.newBuilder(current.uri().resolve(location)).GET());
    }
    return current;
  }

  /** The CSRF token of the first form in this page. */
  public static String csrfToken(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no _csrf input in page:\n" + html);
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /** The current console session id cookie, if any. */
  public Optional<String> sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(SESSION_COOKIE))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  public static boolean isRedirect(HttpResponse<?> response) {
    int status = response.statusCode();
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** Where a redirect points, as a path with query (e.g. {@code /login?error}). */
  public static String location(HttpResponse<?> response) {
    URI target = response.uri().resolve(response.headers().firstValue("Location").orElse(""));
    return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
  }

  private URI resolve(String pathOrUrl) {
    return base.resolve(pathOrUrl);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
