package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.REDIRECTS;
import static dev.portico.authserver.AuthServerFixtures.issue;
import static dev.portico.authserver.OAuthDriver.authorize;
import static dev.portico.authserver.OAuthDriver.callback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.Scope;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OAU-2's rules for the request itself: scopes by spaces or commas, absent scope = all, {@code
 * invalid_scope}, the first registered redirect URI as default, exact redirect match, PKCE, {@code
 * company_id}, and {@code state} echoed.
 */
@PorticoTest
class AuthorizeRequestRulesTests {

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;

  @Test
  void scopesSeparatedByCommasAreEachGrantedAndStateIsEchoed() {
    Company acme = fixtures.company("Commas");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    OAuthDriver driver = new OAuthDriver(port);
    ConsoleClient browser = driver.browser(acme.admin());

    HttpResponse<String> page =
        browser.follow(
            browser.get(
                authorize(
                    app.application().clientId(),
                    "scope",
                    "OAuth2Read,OAuth2Write",
                    "state",
                    "s&t=1 2",
                    "redirect_uri",
                    REDIRECTS.get(0))));
    assertThat(page.body())
        .contains(Scope.OAuth2Read.description())
        .contains(Scope.OAuth2Write.description());
    Map<String, String> answer = callback(OAuthDriver.approve(browser, page));
    assertThat(answer).containsEntry("state", "s&t=1 2").containsKey("code");

    HttpResponse<String> tokens = driver.exchange(app, answer.get("code"), REDIRECTS.get(0));
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    assertThat(OAuthDriver.json(tokens).get("scope").asString().split(" "))
        .containsExactlyInAnyOrder("OAuth2Read", "OAuth2Write");
  }

  @Test
  void anAbsentScopeAsksForEveryRegisteredScope() {
    Company acme = fixtures.company("NoScope");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    OAuthDriver driver = new OAuthDriver(port);
    ConsoleClient browser = driver.browser(acme.admin());

    HttpResponse<String> page =
        browser.follow(browser.get(authorize(app.application().clientId(), "state", "x")));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(Scope.OAuth2Read.description())
        .contains(Scope.OAuth2Write.description())
        .doesNotContain(Scope.OAuth2Delete.description());
    Map<String, String> answer = callback(OAuthDriver.approve(browser, page));
    HttpResponse<String> tokens = driver.exchange(app, answer.get("code"), null);
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    assertThat(OAuthDriver.json(tokens).get("scope").asString().split(" "))
        .containsExactlyInAnyOrder("OAuth2Read", "OAuth2Write");
  }

  @Test
  void aScopeTheAppDidNotRegisterIsInvalidScopeWithState() {
    Company acme = fixtures.company("BadScope");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    ConsoleClient browser = new OAuthDriver(port).browser(acme.admin());

    HttpResponse<String> refused =
        browser.get(
            authorize(
                app.application().clientId(),
                "scope",
                "OAuth2Read,OAuth2Delete",
                "state",
                "st-1",
                "redirect_uri",
                REDIRECTS.get(0)));
    assertThat(OAuthDriver.target(refused)).isEqualTo(REDIRECTS.get(0));
    assertThat(callback(refused))
        .containsEntry("error", "invalid_scope")
        .containsEntry("state", "st-1")
        .doesNotContainKey("code");
  }

  @Test
  void anOmittedRedirectUriIsTheFirstRegisteredOneAndNeedNotBeSentToTheTokenEndpoint() {
    Company acme = fixtures.company("Default");
    List<String> forward =
        List.of("https://a.example/cb", "https://b.example/cb", "https://c.example/cb");
    // The same set in two orders: a default taken from the set would be wrong for one of them.
    List<String> backward = List.of(forward.get(2), forward.get(1), forward.get(0));
    for (List<String> redirects : List.of(forward, backward)) {
      IssuedApplication app =
          OAuthDriver.register(
              management,
              acme.admin(),
              acme.id(),
              OAuthDriver.draft(
                  "Default redirect",
                  "Tests the default redirect",
                  redirects,
                  ApplicationType.INTEGRATED_CLOUD,
                  Set.of(Scope.OAuth2Read)));
      OAuthDriver driver = new OAuthDriver(port);
      ConsoleClient browser = driver.browser(acme.admin());
      HttpResponse<String> page =
          browser.follow(browser.get(authorize(app.application().clientId(), "state", "d")));
      HttpResponse<String> answer = OAuthDriver.approve(browser, page);
      assertThat(OAuthDriver.target(answer)).isEqualTo(redirects.get(0));

      HttpResponse<String> tokens = driver.exchange(app, callback(answer).get("code"), null);
      assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    }
  }

  @Test
  void aRedirectUriSentToAuthorizeMustBeSentToTheTokenEndpoint() {
    Company acme = fixtures.company("SentBack");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    OAuthDriver driver = new OAuthDriver(port);
    ConsoleClient browser = driver.browser(acme.admin());
    HttpResponse<String> page =
        browser.follow(
            browser.get(authorize(app.application().clientId(), "redirect_uri", REDIRECTS.get(0))));
    String code = callback(OAuthDriver.approve(browser, page)).get("code");

    HttpResponse<String> without = driver.exchange(app, code, null);
    assertThat(without.statusCode()).isEqualTo(400);
    assertThat(without.body()).contains("\"invalid_grant\"");
  }

  @Test
  void aRedirectUriOnAnotherPortOrHostIsAnErrorPageWithNoLocation() {
    Company acme = fixtures.company("Ports");
    // A loopback IP: the stock validator would let it take any port (RFC 8252 §7.3); OAU-2 not.
    IssuedApplication app =
        OAuthDriver.register(
            management,
            acme.admin(),
            acme.id(),
            OAuthDriver.draft(
                "Loopback",
                "A desktop app on a loopback address",
                List.of("http://127.0.0.1:8765/cb", "http://localhost:8765/cb"),
                ApplicationType.CONNECTED_DESKTOP,
                Set.of(Scope.OAuth2Read)));
    ConsoleClient browser = new OAuthDriver(port).browser(acme.admin());
    OAuthDriver.Pkce pkce = OAuthDriver.Pkce.fresh();

    for (String redirect :
        List.of(
            "http://localhost:8766/cb",
            "http://localhost/cb",
            "http://127.0.0.1:9999/cb",
            "http://127.0.0.1/cb",
            "http://localhost:8765/cb/../evil",
            "https://evil.example/cb")) {
      HttpResponse<String> refused =
          browser.get(
              authorize(
                  app.application().clientId(),
                  "redirect_uri",
                  redirect,
                  "state",
                  "s",
                  "code_challenge",
                  pkce.challenge(),
                  "code_challenge_method",
                  "S256"));
      assertThat(refused.statusCode()).as(redirect).isEqualTo(400);
      assertThat(refused.headers().firstValue("Location")).as(redirect).isEmpty();
      assertThat(refused.body())
          .contains("The redirect URI is not one the application registered.")
          .doesNotContain("evil.example");
    }
  }

  @Test
  void pkcePlainIsRefusedAndADesktopAppMustSendAChallenge() {
    Company acme = fixtures.company("Pkce");
    IssuedApplication app = issue(management, acme, ApplicationType.CONNECTED_DESKTOP);
    ConsoleClient browser = new OAuthDriver(port).browser(acme.admin());
    String redirect = "http://localhost:8765/cb";

    HttpResponse<String> plain =
        browser.get(
            authorize(
                app.application().clientId(),
                "redirect_uri",
                redirect,
                "state",
                "p",
                "code_challenge",
                "just-the-verifier-itself-which-is-long-enough-43",
                "code_challenge_method",
                "plain"));
    assertThat(callback(plain))
        .containsEntry("error", "invalid_request")
        .containsEntry("state", "p")
        .doesNotContainKey("code");
    assertThat(callback(plain).get("error_description")).contains("S256");

    HttpResponse<String> none =
        browser.get(authorize(app.application().clientId(), "redirect_uri", redirect));
    assertThat(callback(none)).containsEntry("error", "invalid_request").doesNotContainKey("code");
    assertThat(callback(none).get("error_description")).contains("PKCE");
  }

  @Test
  void aCodeIssuedWithAChallengeNeedsItsVerifier() {
    Company acme = fixtures.company("Verifier");
    IssuedApplication app = issue(management, acme, ApplicationType.CONNECTED_DESKTOP);
    OAuthDriver driver = new OAuthDriver(port);
    ConsoleClient browser = driver.browser(acme.admin());
    String redirect = "http://localhost:8765/cb";
    OAuthDriver.Pkce pkce = OAuthDriver.Pkce.fresh();
    HttpResponse<String> page =
        browser.follow(
            browser.get(
                authorize(
                    app.application().clientId(),
                    "redirect_uri",
                    redirect,
                    "code_challenge",
                    pkce.challenge(),
                    "code_challenge_method",
                    "S256")));
    String code = callback(OAuthDriver.approve(browser, page)).get("code");
    String exchange =
        "grant_type=authorization_code&code=" + OAuthDriver.enc(code) + "&redirect_uri=" + redirect;

    HttpResponse<String> missing = driver.token(app, exchange);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("\"invalid_grant\"").doesNotContain("access_token");
    HttpResponse<String> wrong =
        driver.token(app, exchange + "&code_verifier=not-" + pkce.verifier());
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).doesNotContain("access_token");
  }

  @Test
  void aCompanyIdOfAnotherCompanyIsAccessDeniedAndTheUsersOwnIsAccepted() {
    Company acme = fixtures.company("CompanyId");
    Company other = fixtures.company("Elsewhere");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    ConsoleClient browser = new OAuthDriver(port).browser(acme.admin());

    for (String foreign : List.of(other.id().toString(), "not-a-company")) {
      HttpResponse<String> refused =
          browser.get(
              authorize(app.application().clientId(), "company_id", foreign, "state", "company"));
      assertThat(OAuthDriver.target(refused)).isEqualTo(REDIRECTS.get(0));
      assertThat(callback(refused))
          .containsEntry("error", "access_denied")
          .containsEntry("state", "company")
          .doesNotContainKey("code");
    }
    HttpResponse<String> own =
        browser.follow(
            browser.get(
                authorize(app.application().clientId(), "company_id", acme.id().toString())));
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains("Authorize application");
  }
}
