package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.issue;
import static dev.portico.authserver.OAuthDriver.authorize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OAU-2's oob answer: for {@code redirect_uri=urn:ietf:wg:oauth:2.0:oob} a page, not a redirect,
 * whose title is {@code Success code=<code>} (a code the app then exchanges) or {@code Error
 * description=<text>}, never cached.
 */
@PorticoTest
class OobPageTests {

  private static final String OOB = "urn:ietf:wg:oauth:2.0:oob";
  private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;

  @Test
  void anOobAuthorizationShowsTheCodeInTheTitleAndTheCodeIsExchanged() {
    Company acme = fixtures.company("Oob");
    IssuedApplication app = issue(management, acme, ApplicationType.CONNECTED_DESKTOP);
    OAuthDriver driver = new OAuthDriver(port);
    ConsoleClient browser = driver.browser(acme.admin());
    OAuthDriver.Pkce pkce = OAuthDriver.Pkce.fresh();
    HttpResponse<String> page = browser.follow(browser.get(request(app, pkce, "o-1")));

    HttpResponse<String> shown = OAuthDriver.approve(browser, page);
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    assertThat(shown.headers().firstValue("Location")).isEmpty();
    assertThat(shown.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(shown.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    String title = title(shown);
    assertThat(title).startsWith("Success code=");
    String code = title.substring("Success code=".length());
    assertThat(code).isNotBlank();
    assertThat(shown.body()).contains("data-copy=\"" + code + "\"").contains("Copy");

    HttpResponse<String> tokens =
        driver.token(
            app,
            "grant_type=authorization_code&code="
                + OAuthDriver.enc(code)
                + "&redirect_uri="
                + OAuthDriver.enc(OOB)
                + "&code_verifier="
                + pkce.verifier());
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    assertThat(OAuthDriver.json(tokens).get("access_token").asString()).isNotBlank();
  }

  @Test
  void anOobDenialOrErrorShowsTheDescriptionInTheTitle() {
    Company acme = fixtures.company("OobDeny");
    IssuedApplication app = issue(management, acme, ApplicationType.CONNECTED_DESKTOP);
    ConsoleClient browser = new OAuthDriver(port).browser(acme.admin());
    OAuthDriver.Pkce pkce = OAuthDriver.Pkce.fresh();
    HttpResponse<String> page = browser.follow(browser.get(request(app, pkce, "o-2")));

    HttpResponse<String> denied = OAuthDriver.deny(browser, page);
    assertThat(denied.statusCode()).isEqualTo(200);
    assertThat(denied.headers().firstValue("Location")).isEmpty();
    assertThat(denied.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(title(denied)).isEqualTo("Error description=You denied the application access.");
    assertThat(denied.body()).doesNotContain("Success code=");

    HttpResponse<String> noPkce =
        browser.get(authorize(app.application().clientId(), "redirect_uri", OOB));
    assertThat(noPkce.statusCode()).isEqualTo(200);
    assertThat(title(noPkce))
        .isEqualTo("Error description=The application must send a PKCE code challenge (S256).");
  }

  private static String request(IssuedApplication app, OAuthDriver.Pkce pkce, String state) {
    return authorize(
        app.application().clientId(),
        "redirect_uri",
        OOB,
        "state",
        state,
        "code_challenge",
        pkce.challenge(),
        "code_challenge_method",
        "S256");
  }

  private static String title(HttpResponse<String> page) {
    Matcher title = TITLE.matcher(page.body());
    assertThat(title.find()).as(page.body()).isTrue();
    return OAuthDriver.unescape(title.group(1));
  }
}
