package dev.portico.authserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A browser without JavaScript: a cookie jar, each hop taken by hand and remembered. */
final class BrowserWalk {

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final List<String> hops = new ArrayList<>();

  HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET(), "GET");
  }

  HttpResponse<String> submit(HtmlForm form) {
    String body =
        form.fields().stream()
            .map(f -> enc(f.getKey()) + "=" + enc(f.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(form.action())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        "POST");
  }

  /** Follows redirects with GET, as a browser does after a 302/303. */
  HttpResponse<String> follow(HttpResponse<String> response) {
    HttpResponse<String> current = response;
    for (int n = 0; n < 10 && isRedirect(current); n++) {
      current = get(location(current));
    }
    return current;
  }

  URI location(HttpResponse<String> response) {
    return response
        .uri()
        .resolve(
            response
                .headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location at " + hops)));
  }

  /** The hops so far, the last answer's body and the app's output: where the flow stopped. */
  String where(PassportOnshapeApp node) {
    return String.join("\n  ", hops) + "\n--- the express app said:\n" + node.output();
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String method) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      String hop = method + " " + response.uri() + " → " + response.statusCode();
      if (isRedirect(response)) {
        hop += " " + response.headers().firstValue("Location").orElse("");
      } else if (response.statusCode() >= 400) {
        String body = response.body();
        hop += " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
      }
      hops.add(hop);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException("after " + hops, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean isRedirect(HttpResponse<?> response) {
    int status = response.statusCode();
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
