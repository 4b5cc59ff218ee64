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
import dev.portico.system.Actor;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens the way a client gets them, with a plain HTTP client and no Spring OAuth client
 * code: the user signs in through the console form, authorizes the app, consents, and the app
 * exchanges the code with its secret in the form body. For the tests of what the tokens open.
 *
 * <p>The consent step ({@link #consent}) is the one part that follows the consent page's form.
 */
public final class OAuthFlow {

  public static final String REDIRECT = AuthServerFixtures.REDIRECTS.get(0);

  private static final Pattern HIDDEN_STATE =
      Pattern.compile("name=\"state\"\\s+value=\"([^\"]+)\"");

  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  public OAuthFlow(int port) {
    this.port = port;
  }

  /** Tokens of one exchange. */
  public record Tokens(String access, String refresh) {}

  /**
   * Registers a web app owned by this account with these scopes; answers it with its one-time
   * client secret.
   */
  public static IssuedApplication register(
      ApplicationManagement management, User owner, UUID ownerAccountId, Set<Scope> scopes) {
    String format =
        "com.example.bearer" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ApplicationDraft draft =
        new ApplicationDraft(
            "Bearer App",
            format,
            "Calls the API with Bearer tokens",
            AuthServerFixtures.REDIRECTS,
            ApplicationType.INTEGRATED_CLOUD,
            "https://plm.example.com/start",
            false,
            scopes,
            null,
            List.of());
    return management.register(AuthServerFixtures.actor(owner), ownerAccountId, draft);
  }

  /** The user (password {@link TestAccounts#PASSWORD}) authorizes the app for these scopes. */
  public Tokens authorize(IssuedApplication app, User user, Set<Scope> scopes) throws Exception {
    String scope = scopes.stream().map(Scope::name).sorted().collect(Collectors.joining(" "));
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(user.email(), TestAccounts.PASSWORD);
    String authorize =
        "/oauth/authorize?response_type=code&client_id="
            + enc(app.application().clientId())
            + "&redirect_uri="
            + enc(REDIRECT)
            + "&scope="
            + enc(scope)
            + "&state=s-"
            + UUID.randomUUID();
    HttpResponse<String> answer = browser.get(authorize);
    if (answer.statusCode() == 200) {
      answer = consent(browser, app, scopes, answer.body());
    }
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    URI callback = URI.create(answer.headers().firstValue("Location").orElseThrow());
    assertThat(callback.toString()).startsWith(REDIRECT + "?");
    String code = param(callback.getRawQuery(), "code");
    HttpResponse<String> exchanged =
        post(
            "/oauth/token",
            "grant_type=authorization_code&code="
                + enc(code)
                + "&redirect_uri="
                + enc(REDIRECT)
                + "&client_id="
                + enc(app.application().clientId())
                + "&client_secret="
                + enc(app.clientSecret()));
    assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
    JsonNode tokens = JsonMapper.shared().readTree(exchanged.body());
    return new Tokens(
        tokens.get("access_token").asString(), tokens.get("refresh_token").asString());
  }

  /** {@code GET} of an {@code /api/**} path with this Bearer token. */
  public HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code POST} of an {@code /api/**} path with this Bearer token and a JSON body. */
  public HttpResponse<String> postJson(String path, String token, String json)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The user allows every requested scope on the consent page. */
  private static HttpResponse<String> consent(
      ConsoleClient browser, IssuedApplication app, Set<Scope> scopes, String page) {
    Matcher state = HIDDEN_STATE.matcher(page);
    assertThat(state.find()).as(page).isTrue();
    StringBuilder body =
        new StringBuilder("client_id=")
            .append(enc(app.application().clientId()))
            .append("&state=")
            .append(enc(state.group(1)));
    for (Scope scope : scopes) {
      body.append("&scope=").append(scope.name());
    }
    return browser.postEncoded("/oauth/authorize", body.toString());
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String param(String rawQuery, String name) {
    for (String pair : rawQuery.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name) && kv.length == 2) {
        return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + rawQuery);
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The actor of a console user, for calls made as them. */
  public static Actor actor(User user) {
    return AuthServerFixtures.actor(user);
  }
}
