package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.REDIRECTS;
import static dev.portico.authserver.AuthServerFixtures.issue;
import static dev.portico.authserver.OAuthTestClient.basic;
import static dev.portico.authserver.OAuthTestClient.enc;
import static dev.portico.authserver.OAuthTestClient.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAU-1..3 with a plain HTTP client (no Spring OAuth client code): a user signs in through the
 * console form, authorizes an app, the app exchanges the code with its secret in the form body and
 * refreshes with its secret in Basic; the refresh token is rotated; a bad redirect URI is an error
 * page, never a redirect; only the OAuth endpoints Portico offers answer. How the app's secret is
 * checked: {@link ClientSecretAuthenticationTests}.
 */
@PorticoTest
class AuthorizationCodeFlowTests {

  private static final Pattern HIDDEN_STATE =
      Pattern.compile("name=\"state\"\\s+value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;
  @Autowired JdbcClient jdbc;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private OAuthTestClient oauth;

  @BeforeEach
  void client() {
    oauth = new OAuthTestClient(port);
  }

  @Test
  void codeIsExchangedWithTheSecretInTheBodyAndRefreshTokensAreRotated() throws Exception {
    Company acme = fixtures.company("Flow");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    ConsoleClient browser = new ConsoleClient(port);
    String state = "st-" + UUID.randomUUID();
    String authorize =
        "/oauth/authorize?response_type=code&client_id="
            + enc(app.application().clientId())
            + "&redirect_uri="
            + enc(REDIRECTS.get(0))
            + "&scope="
            + enc("OAuth2Read OAuth2Write")
            + "&state="
            + state;

    // Anonymous: to the console's sign-in page, and back after signing in.
    HttpResponse<String> anonymous = browser.get(authorize);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(browser.sessionId()).as("an anonymous authorize creates no session").isEmpty();
    assertThat(ConsoleClient.location(anonymous)).isEqualTo("/login?continue=" + enc(authorize));
    HttpResponse<String> signedIn =
        browser.submit(
            "/login?continue=" + enc(authorize),
            "/login",
            Map.of(
                "email",
                acme.admin().email(),
                "password",
                TestAccounts.PASSWORD,
                "continue",
                authorize));
    assertThat(ConsoleClient.location(signedIn)).isEqualTo(authorize);

    // Consent (the Authorize application page), then the code on the redirect URI, state echoed.
    HttpResponse<String> consentPage = browser.follow(signedIn);
    assertThat(consentPage.statusCode()).isEqualTo(200);
    Matcher consentState = HIDDEN_STATE.matcher(consentPage.body());
    assertThat(consentState.find()).as(consentPage.body()).isTrue();
    HttpResponse<String> consented =
        browser.postEncoded(
            "/oauth/authorize",
            "client_id="
                + enc(app.application().clientId())
                + "&state="
                + enc(consentState.group(1))
                + "&scope=OAuth2Read&scope=OAuth2Write&_csrf="
                + enc(ConsoleClient.csrfToken(consentPage.body())));
    assertThat(consented.statusCode()).as(consented.body()).isEqualTo(302);
    URI callback = URI.create(consented.headers().firstValue("Location").orElseThrow());
    assertThat(callback.toString()).startsWith(REDIRECTS.get(0) + "?");
    Map<String, String> query = query(callback.getRawQuery());
    assertThat(query).containsEntry("state", state).containsKey("code");

    // The code, with client_id and client_secret in the body.
    HttpResponse<String> exchanged =
        oauth.token(
            "grant_type=authorization_code&code="
                + enc(query.get("code"))
                + "&redirect_uri="
                + enc(REDIRECTS.get(0))
                + "&client_id="
                + enc(app.application().clientId())
                + "&client_secret="
                + enc(app.clientSecret()),
            null);
    assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
    JsonNode tokens = JsonMapper.shared().readTree(exchanged.body());
    assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
    assertThat(tokens.get("expires_in").asLong()).isEqualTo(3600);
    assertThat(tokens.get("scope").asString().split(" "))
        .containsExactlyInAnyOrder("OAuth2Read", "OAuth2Write");
    String access = tokens.get("access_token").asString();
    String refresh = tokens.get("refresh_token").asString();
    assertThat(access).isNotBlank();
    assertThat(refresh).isNotBlank();
    assertThat(exchanged.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));

    // Refresh with the secret in Basic: new tokens (the old refresh token: see the end).
    String basic = basic(app.application().clientId(), app.clientSecret());
    HttpResponse<String> refreshed =
        oauth.token("grant_type=refresh_token&refresh_token=" + enc(refresh), basic);
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    JsonNode renewed = JsonMapper.shared().readTree(refreshed.body());
    assertThat(renewed.get("access_token").asString()).isNotEqualTo(access);
    assertThat(renewed.get("refresh_token").asString()).isNotBlank().isNotEqualTo(refresh);
    assertThat(renewed.get("expires_in").asLong()).isEqualTo(3600);
    // The grant's principal is the Portico user (its id); no raw code or token is stored (OAU-6).
    assertThat(
            jdbc.sql("select principal_name from as_authorization where registered_client_id = ?")
                .param(app.application().id().toString())
                .query(String.class)
                .list())
        .containsExactly(acme.admin().id().toString());
    for (String raw :
        new String[] {
          query.get("code"),
          access,
          refresh,
          renewed.get("access_token").asString(),
          renewed.get("refresh_token").asString(),
          app.clientSecret()
        }) {
      assertThat(TokensAtRestTests.columnsHolding(jdbc, raw)).isEmpty();
    }

    // Introspection (RFC 7662) and revocation (RFC 7009) at their reference paths.
    String renewedAccess = renewed.get("access_token").asString();
    JsonNode active =
        JsonMapper.shared()
            .readTree(oauth.post("/oauth/introspect", "token=" + enc(renewedAccess), basic).body());
    assertThat(active.get("active").asBoolean()).isTrue();
    assertThat(active.get("client_id").asString()).isEqualTo(app.application().clientId());
    assertThat(active.get("scope").asString().split(" "))
        .containsExactlyInAnyOrder("OAuth2Read", "OAuth2Write");
    assertThat(oauth.post("/oauth/revoke", "token=" + enc(renewedAccess), basic).statusCode())
        .isEqualTo(200);
    JsonNode revoked =
        JsonMapper.shared()
            .readTree(oauth.post("/oauth/introspect", "token=" + enc(renewedAccess), basic).body());
    assertThat(revoked.get("active").asBoolean()).isFalse();

    // The code is single use, and a second use revokes what it issued (OAU-3).
    HttpResponse<String> again =
        oauth.token(
            "grant_type=authorization_code&code="
                + enc(query.get("code"))
                + "&redirect_uri="
                + enc(REDIRECTS.get(0))
                + "&client_id="
                + enc(app.application().clientId())
                + "&client_secret="
                + enc(app.clientSecret()),
            null);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("\"invalid_grant\"");

    HttpResponse<String> afterReuse =
        oauth.token(
            "grant_type=refresh_token&refresh_token="
                + enc(renewed.get("refresh_token").asString()),
            basic);
    assertThat(afterReuse.statusCode()).isEqualTo(400);
    assertThat(afterReuse.body()).contains("\"invalid_grant\"");

    // The rotated refresh token is refused (presented again earlier, it would have revoked the
    // grant: Rfc9700TokenTests).
    HttpResponse<String> reused =
        oauth.token("grant_type=refresh_token&refresh_token=" + enc(refresh), basic);
    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(reused.body()).contains("\"invalid_grant\"");
  }

  @Test
  void anUnregisteredRedirectUriIsAnErrorPageNeverARedirect() {
    Company acme = fixtures.company("Redirects");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);

    for (String redirect :
        new String[] {"https://evil.example/cb", REDIRECTS.get(0) + "/extra", "not a uri"}) {
      HttpResponse<String> refused =
          browser.get(
              "/oauth/authorize?response_type=code&client_id="
                  + enc(app.application().clientId())
                  + "&redirect_uri="
                  + enc(redirect)
                  + "&scope=OAuth2Read&state=s1");
      assertThat(refused.statusCode()).as(redirect).isEqualTo(400);
      assertThat(refused.headers().firstValue("Location")).isEmpty();
    }
    HttpResponse<String> unknownClient =
        browser.get(
            "/oauth/authorize?response_type=code&client_id=nobody&redirect_uri="
                + enc(REDIRECTS.get(0))
                + "&scope=OAuth2Read&state=s1");
    assertThat(unknownClient.statusCode()).isEqualTo(400);
    assertThat(unknownClient.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void theStockEndpointsPorticoDoesNotOfferIssueNothing() throws Exception {
    IssuedApplication app =
        issue(management, fixtures.company("Stock"), ApplicationType.INTEGRATED_CLOUD);
    String auth = basic(app.application().clientId(), app.clientSecret());
    for (String path :
        new String[] {
          "/oauth2/device_authorization",
          "/oauth2/par",
          "/oauth2/token",
          "/oauth2/jwks",
          "/oauth/device_authorization",
          "/oauth/par"
        }) {
      HttpResponse<String> answer = oauth.post(path, "scope=OAuth2Read&response_type=code", auth);
      assertThat(answer.statusCode()).as(path + " " + answer.body()).isBetween(400, 499);
      assertThat(answer.body())
          .as(path)
          .doesNotContain("access_token")
          .doesNotContain("device_code");
    }
    HttpResponse<String> clientCredentials =
        oauth.token("grant_type=client_credentials&scope=OAuth2Read", auth);
    assertThat(clientCredentials.statusCode()).isBetween(400, 499);
    assertThat(clientCredentials.body()).doesNotContain("access_token");
  }

  @Test
  void theMetadataListsTheOAuthEndpoints() throws Exception {
    HttpResponse<String> metadata =
        http.send(
            HttpRequest.newBuilder(base("/.well-known/oauth-authorization-server")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metadata.statusCode()).isEqualTo(200);
    JsonNode doc = JsonMapper.shared().readTree(metadata.body());
    String origin = "http://localhost:" + port;
    assertThat(doc.get("authorization_endpoint").asString()).isEqualTo(origin + "/oauth/authorize");
    assertThat(doc.get("token_endpoint").asString()).isEqualTo(origin + "/oauth/token");
    assertThat(doc.get("revocation_endpoint").asString()).isEqualTo(origin + "/oauth/revoke");
    assertThat(doc.get("introspection_endpoint").asString())
        .isEqualTo(origin + "/oauth/introspect");
    assertThat(doc.get("token_endpoint_auth_methods_supported").toString())
        .isEqualTo("[\"client_secret_basic\",\"client_secret_post\"]");
    assertThat(doc.has("jwks_uri")).isFalse();
    assertThat(doc.get("grant_types_supported").toString())
        .isEqualTo("[\"authorization_code\",\"refresh_token\"]");
    assertThat(doc.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
  }

  private URI base(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
