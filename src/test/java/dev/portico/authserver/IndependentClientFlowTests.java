package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.REDIRECTS;
import static dev.portico.authserver.AuthServerFixtures.issue;
import static dev.portico.authserver.OAuthDriver.authorize;
import static dev.portico.authserver.OAuthDriver.enc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole flow as an independent client drives it (OAU-2, OAU-3, API-2): a plain HTTP client, no
 * Spring OAuth client code, signs in through the console form, authorizes on the Authorize
 * application page, exchanges the code with the secret in the body, refreshes, and calls {@code
 * sessioninfo} with the refreshed Bearer token — for a web app, for a desktop app with PKCE and a
 * localhost redirect, and for a desktop app with the oob page.
 */
@PorticoTest
class IndependentClientFlowTests {

  private static final String OOB = "urn:ietf:wg:oauth:2.0:oob";
  private static final String LOCALHOST = "http://localhost:8765/cb";
  private static final Pattern SUCCESS = Pattern.compile("<title>Success code=([^<]+)</title>");

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;

  @Test
  void aWebAppSignsTheUserInExchangesRefreshesAndCallsSessionInfo() {
    Company acme = fixtures.company("FlowWeb");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    OAuthDriver driver = new OAuthDriver(port);
    ConsoleClient browser = driver.browser(acme.admin());

    HttpResponse<String> page =
        browser.follow(
            browser.get(
                authorize(
                    app.application().clientId(),
                    "redirect_uri",
                    REDIRECTS.get(0),
                    "scope",
                    "OAuth2Read,OAuth2Write",
                    "state",
                    "w-1")));
    assertThat(page.body()).contains("Authorize application");
    HttpResponse<String> redirect = OAuthDriver.approve(browser, page);
    assertThat(OAuthDriver.target(redirect)).isEqualTo(REDIRECTS.get(0));
    Map<String, String> callback = OAuthDriver.callback(redirect);
    assertThat(callback).containsEntry("state", "w-1");

    String token = exchangeRefreshed(driver, app, callback.get("code"), REDIRECTS.get(0), "");
    assertSessionInfo(token, app, acme);
  }

  @Test
  void aDesktopAppWithPkceAndALocalhostRedirectDoesTheSame() {
    Company acme = fixtures.company("FlowDesktop");
    IssuedApplication app = issue(management, acme, ApplicationType.CONNECTED_DESKTOP);
    OAuthDriver driver = new OAuthDriver(port);
    ConsoleClient browser = driver.browser(acme.admin());
    OAuthDriver.Pkce pkce = OAuthDriver.Pkce.fresh();

    HttpResponse<String> redirect =
        OAuthDriver.approve(browser, browser.follow(browser.get(request(app, LOCALHOST, pkce))));
    assertThat(OAuthDriver.target(redirect)).isEqualTo(LOCALHOST);
    String code = OAuthDriver.callback(redirect).get("code");

    String token =
        exchangeRefreshed(driver, app, code, LOCALHOST, "&code_verifier=" + pkce.verifier());
    assertSessionInfo(token, app, acme);
  }

  @Test
  void aDesktopAppReadsTheCodeFromTheOobPageAndDoesTheSame() {
    Company acme = fixtures.company("FlowOob");
    IssuedApplication app = issue(management, acme, ApplicationType.CONNECTED_DESKTOP);
    OAuthDriver driver = new OAuthDriver(port);
    ConsoleClient browser = driver.browser(acme.admin());
    OAuthDriver.Pkce pkce = OAuthDriver.Pkce.fresh();

    HttpResponse<String> shown =
        OAuthDriver.approve(browser, browser.follow(browser.get(request(app, OOB, pkce))));
    Matcher title = SUCCESS.matcher(shown.body());
    assertThat(title.find()).as(shown.body()).isTrue();

    String token =
        exchangeRefreshed(driver, app, title.group(1), OOB, "&code_verifier=" + pkce.verifier());
    assertSessionInfo(token, app, acme);
  }

  private static String request(IssuedApplication app, String redirect, OAuthDriver.Pkce pkce) {
    return authorize(
        app.application().clientId(),
        "redirect_uri",
        redirect,
        "scope",
        "OAuth2Read OAuth2Write",
        "state",
        "d-1",
        "code_challenge",
        pkce.challenge(),
        "code_challenge_method",
        "S256");
  }

  /**
   * Exchanges the code (secret in the body), refreshes once; answers the refreshed access token.
   */
  private static String exchangeRefreshed(
      OAuthDriver driver, IssuedApplication app, String code, String redirect, String extra) {
    HttpResponse<String> exchanged =
        driver.token(
            app,
            "grant_type=authorization_code&code="
                + enc(code)
                + "&redirect_uri="
                + enc(redirect)
                + extra);
    assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
    JsonNode first = OAuthDriver.json(exchanged);
    assertThat(first.get("token_type").asString()).isEqualTo("Bearer");
    assertThat(first.get("expires_in").asInt()).isEqualTo(3600);
    assertThat(first.get("scope").asString()).contains("OAuth2Read").contains("OAuth2Write");

    HttpResponse<String> refreshed = driver.refresh(app, first.get("refresh_token").asString());
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    JsonNode second = OAuthDriver.json(refreshed);
    assertThat(second.get("refresh_token").asString())
        .isNotEqualTo(first.get("refresh_token").asString());
    return second.get("access_token").asString();
  }

  private void assertSessionInfo(String token, IssuedApplication app, Company acme) {
    HttpResponse<String> info = new OAuthFlow(port).get("/api/users/sessioninfo", token);
    assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
    JsonNode body = OAuthDriver.json(info);
    assertThat(body.get("id").asString()).isEqualTo(acme.admin().id().toString());
    assertThat(body.get("clientId").asString()).isEqualTo(app.application().clientId());
    assertThat(body.get("oauth2Scopes").asInt()).isEqualTo(2 | 4);
    assertThat(body.has("email")).as("no OAuth2ReadPII, no email").isFalse();
    assertThat(body.get("company").get("id").asString()).isEqualTo(acme.id().toString());
  }
}
