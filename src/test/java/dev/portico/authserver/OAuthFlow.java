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
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real grants for tests, with a plain HTTP client as {@link AuthorizationCodeFlowTests} drives it
 * (no Spring OAuth client code): a user signs in through the console form, authorizes the app
 * (submitting the consent form if one is shown, with every hidden field and scope it offers), and
 * the app exchanges the code with its secret in the body. Also the app's later calls: refresh and
 * introspection.
 */
public final class OAuthFlow {

  private static final Pattern FORM =
      Pattern.compile(
          "<form\\b[^>]*action=\"[^\"]*/oauth/authorize\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
  private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=\"([^\"]*)\"");

  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  public OAuthFlow(int port) {
    this.port = port;
  }

  /** The tokens the app received. */
  public record Tokens(String access, String refresh) {}

  /** Registers a web app of the company with this name and OAuth URL; scopes Read and Write. */
  public static IssuedApplication register(
      ApplicationManagement management, Company company, String name, @Nullable String oauthUrl) {
    String format =
        "com.example.grants" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ApplicationDraft draft =
        new ApplicationDraft(
            name,
            format,
            "Summary of " + name,
            AuthServerFixtures.REDIRECTS,
            ApplicationType.INTEGRATED_CLOUD,
            oauthUrl,
            false,
            Set.of(Scope.OAuth2Read, Scope.OAuth2Write),
            null,
            List.of());
    return management.register(AuthServerFixtures.actor(company.admin()), company.id(), draft);
  }

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
  public Tokens authorize(IssuedApplication app, User user, Set<Scope> scopes) {
    return grant(
        user.email(),
        app,
        scopes.stream().map(Scope::name).sorted().collect(Collectors.joining(" ")));
  }

  /** {@code GET} of an {@code /api/**} path with this Bearer token. */
  public HttpResponse<String> get(String path, String token) {
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET());
  }

  /** {@code POST} of an {@code /api/**} path with this Bearer token and a JSON body. */
  public HttpResponse<String> postJson(String path, String token, String json) {
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The actor of a console user, for calls made as them. */
  public static Actor actor(User user) {
    return AuthServerFixtures.actor(user);
  }

  /** Signs the user in (a fresh client) and grants the app these scopes; answers its tokens. */
  public Tokens grant(String email, IssuedApplication app, String scopes) {
    ConsoleClient browser = new ConsoleClient(port);
    assertThat(ConsoleClient.isRedirect(browser.signIn(email, TestAccounts.PASSWORD))).isTrue();
    String clientId = app.application().clientId();
    HttpResponse<String> answer =
        browser.get(
            "/oauth/authorize?response_type=code&client_id="
                + enc(clientId)
                + "&redirect_uri="
                + enc(AuthServerFixtures.REDIRECTS.get(0))
                + "&scope="
                + enc(scopes)
                + "&state=s-"
                + UUID.randomUUID());
    answer = consented(browser, answer);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    URI callback = URI.create(answer.headers().firstValue("Location").orElseThrow());
    String code = query(callback.getRawQuery()).get("code");
    assertThat(code).as(callback.toString()).isNotNull();
    HttpResponse<String> exchanged =
        post(
            "/oauth/token",
            "grant_type=authorization_code&code="
                + enc(code)
                + "&redirect_uri="
                + enc(AuthServerFixtures.REDIRECTS.get(0))
                + "&client_id="
                + enc(clientId)
                + "&client_secret="
                + enc(app.clientSecret()),
            null);
    assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
    JsonNode tokens = JsonMapper.shared().readTree(exchanged.body());
    return new Tokens(
        tokens.get("access_token").asString(), tokens.get("refresh_token").asString());
  }

  /** The app refreshes (secret in Basic); answers the token endpoint's status. */
  public int refresh(IssuedApplication app, String refreshToken) {
    return post(
            "/oauth/token",
            "grant_type=refresh_token&refresh_token=" + enc(refreshToken),
            basic(app))
        .statusCode();
  }

  /** Whether introspection (RFC 7662) says the token is active. */
  public boolean active(IssuedApplication app, String token) {
    HttpResponse<String> answer = post("/oauth/introspect", "token=" + enc(token), basic(app));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JsonMapper.shared().readTree(answer.body()).get("active").asBoolean();
  }

  /**
   * What the browser ends at after {@code /oauth/authorize} answered: when the Authorize
   * application page is asked for, it is opened and its first form (Authorize application) is
   * submitted; otherwise the answer as it is (a redirect with a code or an error).
   */
  public static HttpResponse<String> consented(ConsoleClient browser, HttpResponse<String> answer) {
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() == 302 && URI.create(location).getPath().equals("/oauth/consent")) {
      URI page = URI.create(location);
      answer = browser.get(page.getRawPath() + "?" + page.getRawQuery());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
    if (answer.statusCode() == 200) {
      answer = browser.postEncoded("/oauth/authorize", consent(answer.body()));
    }
    return answer;
  }

  /** The consent form's fields: its hidden inputs, every scope it offers, its named button. */
  private static String consent(String page) {
    Matcher form = FORM.matcher(page);
    assertThat(form.find()).as(page).isTrue();
    List<String> pairs = new ArrayList<>();
    Matcher input = INPUT.matcher(form.group(1));
    while (input.find()) {
      Map<String, String> attributes = attributes(input.group());
      String type = attributes.getOrDefault("type", "text");
      String name = attributes.get("name");
      boolean disabled = input.group().matches("(?s).*\\sdisabled[\\s>=/].*");
      if (name != null && !disabled && (type.equals("hidden") || type.equals("checkbox"))) {
        pairs.add(enc(name) + "=" + enc(attributes.getOrDefault("value", "")));
      }
    }
    return String.join("&", pairs);
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> attributes = new HashMap<>();
    Matcher m = ATTRIBUTE.matcher(tag);
    while (m.find()) {
      attributes.put(m.group(1), unescape(m.group(2)));
    }
    return attributes;
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private HttpResponse<String> post(String path, String body, @Nullable String basic) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (basic != null) {
      request.header("Authorization", basic);
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(IssuedApplication app) {
    String pair = enc(app.application().clientId()) + ":" + enc(app.clientSecret());
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> query(@Nullable String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return values;
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
