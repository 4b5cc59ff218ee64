package dev.portico.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.support.ConsoleClient;
import dev.portico.support.TestAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives {@code /oauth/authorize} and {@code /oauth/token} as a browser and a client would, with
 * plain HTTP (no Spring OAuth client code): the consent page's forms are read from its HTML.
 */
final class OAuthDriver {

  private static final Pattern FORM = Pattern.compile("<form[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern INPUT =
      Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  OAuthDriver(int port) {
    this.port = port;
  }

  /** A browser signed in as this user. */
  ConsoleClient browser(User user) {
    ConsoleClient browser = new ConsoleClient(port);
    HttpResponse<String> signedIn = browser.signIn(user.email(), TestAccounts.PASSWORD);
    assertThat(ConsoleClient.location(signedIn)).as("signed in").isEqualTo("/");
    return browser;
  }

  /** {@code /oauth/authorize?response_type=code&client_id=…} and the parameters, in order. */
  static String authorize(String clientId, String... pairs) {
    StringBuilder url =
        new StringBuilder("/oauth/authorize?response_type=code&client_id=").append(enc(clientId));
    for (int i = 0; i < pairs.length; i += 2) {
      url.append('&').append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
    }
    return url.toString();
  }

  /** Posts the consent page's first form (Authorize application) as the browser would. */
  static HttpResponse<String> approve(ConsoleClient browser, HttpResponse<String> page) {
    return browser.postEncoded("/oauth/authorize", form(page.body(), 0));
  }

  /** Posts the consent page's second form (Deny). */
  static HttpResponse<String> deny(ConsoleClient browser, HttpResponse<String> page) {
    return browser.postEncoded("/oauth/authorize", form(page.body(), 1));
  }

  /** The url-encoded fields of the n-th form of the page. */
  static String form(String html, int index) {
    Matcher forms = FORM.matcher(html);
    List<String> bodies = new ArrayList<>();
    while (forms.find()) {
      if (forms.group(0).contains("/oauth/authorize")) {
        bodies.add(forms.group(1));
      }
    }
    assertThat(bodies).as(html).hasSizeGreaterThan(index);
    Matcher input = INPUT.matcher(bodies.get(index));
    List<String> fields = new ArrayList<>();
    while (input.find()) {
      fields.add(enc(input.group(1)) + "=" + enc(unescape(input.group(2))));
    }
    return String.join("&", fields);
  }

  /** The query of a redirect's Location, decoded. */
  static Map<String, String> callback(HttpResponse<String> redirect) {
    assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
    URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
    Map<String, String> values = new LinkedHashMap<>();
    String raw = location.getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(dec(kv[0]), kv.length > 1 ? dec(kv[1]) : "");
    }
    return values;
  }

  /** Where a redirect goes, without its query. */
  static String target(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location").orElseThrow();
    int query = location.indexOf('?');
    return query < 0 ? location : location.substring(0, query);
  }

  /** POST /oauth/token with the client's secret in the body. */
  HttpResponse<String> token(IssuedApplication app, String body) {
    String withClient =
        body
            + "&client_id="
            + enc(app.application().clientId())
            + "&client_secret="
            + enc(app.clientSecret());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(withClient))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Exchanges a code (redirect URI only when given); answers the token response's JSON. */
  HttpResponse<String> exchange(IssuedApplication app, String code, String redirectUri) {
    return token(
        app,
        "grant_type=authorization_code&code="
            + enc(code)
            + (redirectUri == null ? "" : "&redirect_uri=" + enc(redirectUri)));
  }

  HttpResponse<String> refresh(IssuedApplication app, String refreshToken) {
    return token(app, "grant_type=refresh_token&refresh_token=" + enc(refreshToken));
  }

  static JsonNode json(HttpResponse<String> response) {
    return JsonMapper.shared().readTree(response.body());
  }

  /** A draft of an app with these names, redirects, type and scopes. */
  static ApplicationDraft draft(
      String name,
      String summary,
      List<String> redirects,
      ApplicationType type,
      Set<Scope> scopes) {
    String format =
        "com.example.oa" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return new ApplicationDraft(
        name,
        format,
        summary,
        redirects,
        type,
        "https://plm.example.com/start",
        false,
        scopes,
        null,
        List.of());
  }

  static IssuedApplication register(
      ApplicationManagement management, User owner, UUID accountId, ApplicationDraft draft) {
    return management.register(AuthServerFixtures.actor(owner), accountId, draft);
  }

  /** A PKCE verifier and its S256 challenge (RFC 7636 §4.2). */
  record Pkce(String verifier, String challenge) {
    static Pkce fresh() {
      String verifier = "v-" + UUID.randomUUID() + "-" + UUID.randomUUID();
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String dec(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
