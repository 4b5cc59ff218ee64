package dev.portico.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference platform's published Passport strategy, {@code passport-onshape} 1.2.0 from the npm
 * registry, signs a user in against Portico unchanged except for its URLs (issue 8, "Must show"). A
 * tiny express app ({@code src/test/node/passport-onshape/app.js}) runs under {@code node} on
 * loopback; a plain HTTP client with a cookie jar plays the browser: the app's {@code /login} →
 * Portico's {@code /oauth/authorize} (scopes comma-separated, as the strategy sends them) → the
 * console's sign-in form → the consent form → the app's callback, where the strategy exchanges the
 * code (secret in the body) and reads the profile from {@code /api/users/sessioninfo} with the
 * Bearer token.
 *
 * <p>Needs {@code node} on the PATH and {@code npm ci} run in the app's folder ({@code .ci/run}
 * does both). Without them the test is skipped with a message, unless {@code PORTICO_E2E=required},
 * where that is a failure.
 */
@PorticoTest
class PassportOnshapeTests {

  private static final String SCOPES = "OAuth2Read,OAuth2ReadPII";

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;

  @BeforeAll
  static void nodeAndTheModulesAreInstalled() {
    String missing = PassportOnshapeApp.missing();
    if (missing == null) {
      return;
    }
    if ("required".equalsIgnoreCase(System.getenv("PORTICO_E2E"))) {
      throw new IllegalStateException(missing + " (PORTICO_E2E=required, so this fails)");
    }
    Assumptions.assumeTrue(false, missing + "; skipped");
  }

  @Test
  void thePublishedPassportStrategySignsAUserInUnchangedButForItsUrls() throws Exception {
    Company owner = fixtures.company("Passport App");
    // A user of another company: SHR-3 lets them use the app without an assignment.
    User user = fixtures.company("Passport User").admin();
    int appPort = PassportOnshapeApp.freeLoopbackPort();
    String appBase = "http://127.0.0.1:" + appPort;
    String callback = appBase + "/callback";
    IssuedApplication app = register(owner, callback);
    String portico = "http://localhost:" + port;

    try (PassportOnshapeApp node = PassportOnshapeApp.start(appPort, portico, app, SCOPES)) {
      BrowserWalk browser = new BrowserWalk();

      // 1. The strategy sends the browser to Portico's authorize, its scopes comma-separated.
      HttpResponse<String> login = browser.get(URI.create(appBase + "/login"));
      assertThat(login.statusCode()).as(browser.where(node)).isEqualTo(302);
      URI authorize = browser.location(login);
      assertThat(authorize.toString()).startsWith(portico + "/oauth/authorize?");
      Map<String, String> request = query(authorize.getRawQuery());
      assertThat(request)
          .containsEntry("response_type", "code")
          .containsEntry("client_id", app.application().clientId())
          .containsEntry("redirect_uri", callback)
          .containsEntry("scope", SCOPES)
          .containsKey("state");

      // 2. Anonymous at Portico: the console's sign-in form, then back to authorize.
      HttpResponse<String> signInPage = browser.follow(login);
      assertThat(signInPage.statusCode()).as(browser.where(node)).isEqualTo(200);
      assertThat(signInPage.uri().getPath()).as(browser.where(node)).isEqualTo("/login");
      HtmlForm signIn =
          HtmlForm.all(signInPage).stream()
              .filter(f -> f.action().getPath().equals("/login"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no sign-in form:\n" + signInPage.body()));
      signIn.set("email", user.email());
      signIn.set("password", TestAccounts.PASSWORD);

      // 3. The consent form (whatever page shows it): approve every scope asked for.
      HttpResponse<String> consentPage = browser.follow(browser.submit(signIn));
      assertThat(consentPage.statusCode())
          .as("the consent page after signing in, at %s", browser.where(node))
          .isEqualTo(200);
      HtmlForm consent =
          HtmlForm.approving(consentPage)
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "no consent form that approves, at "
                              + browser.where(node)
                              + ":\n"
                              + consentPage.body()));
      assertThat(consent.action().getPath()).isEqualTo("/oauth/authorize");

      // 4. Back to the app's callback with a code and its state.
      HttpResponse<String> approved = browser.submit(consent);
      assertThat(approved.statusCode()).as(browser.where(node)).isEqualTo(302);
      URI back = browser.location(approved);
      assertThat(back.toString()).as(browser.where(node)).startsWith(callback + "?");
      Map<String, String> answer = query(back.getRawQuery());
      assertThat(answer)
          .as(browser.where(node))
          .containsEntry("state", request.get("state"))
          .containsKey("code");

      // 5. The strategy exchanged the code, fetched sessioninfo and signed the user in.
      HttpResponse<String> signedIn = browser.follow(approved);
      assertThat(signedIn.statusCode())
          .as("the app's callback (code exchange, then sessioninfo) at %s", browser.where(node))
          .isEqualTo(200);
      JsonNode result = JsonMapper.shared().readTree(signedIn.body());
      JsonNode profile = result.get("profile");
      assertThat(profile.get("provider").asString()).isEqualTo("onshape");
      assertThat(profile.get("id").asString()).isEqualTo(user.id().toString());
      assertThat(profile.get("displayName").asString()).isEqualTo(user.name());
      assertThat(profile.get("emails").get(0).get("value").asString()).isEqualTo(user.email());
      assertThat(profile.get("_json").get("clientId").asString())
          .isEqualTo(app.application().clientId());
      JsonNode token = result.get("token");
      assertThat(token.get("tokenType").asString()).isEqualToIgnoringCase("Bearer");
      assertThat(token.get("refreshTokenIssued").asBoolean()).isTrue();
      assertThat(token.get("scope").asString().split("[ ,]+"))
          .containsExactlyInAnyOrder("OAuth2Read", "OAuth2ReadPII");

      HttpResponse<String> me = browser.get(URI.create(appBase + "/me"));
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(JsonMapper.shared().readTree(me.body()).get("profile").get("id").asString())
          .isEqualTo(user.id().toString());
      assertThat(node.output()).doesNotContain(app.clientSecret());
    }
  }

  private IssuedApplication register(Company owner, String callback) {
    String format =
        "com.example.passport" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return management.register(
        AuthServerFixtures.actor(owner.admin()),
        owner.id(),
        new ApplicationDraft(
            "Passport Check",
            format,
            "Signs users in with passport-onshape",
            List.of(callback),
            ApplicationType.INTEGRATED_CLOUD,
            null,
            false,
            Set.of(Scope.OAuth2Read, Scope.OAuth2ReadPII),
            null,
            List.of()));
  }

  static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
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
}
