package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.REDIRECTS;
import static dev.portico.authserver.AuthServerFixtures.actor;
import static dev.portico.authserver.AuthServerFixtures.issue;
import static dev.portico.authserver.OAuthDriver.authorize;
import static dev.portico.authserver.OAuthDriver.callback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Authorize application page (OAU-2): what it shows (escaped), Authorize and Deny, CSRF,
 * clickjacking headers, consent remembered until the app's scopes widen or the grant is revoked,
 * and the page of someone else's request is not found.
 */
@PorticoTest
class ConsentPageTests {

  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired Grants grants;

  @Test
  void thePageShowsTheEscapedNameOwnerSummaryAndTheRequestedScopesInWords() {
    Company owner = fixtures.company("O'Neil & Sons");
    IssuedApplication app =
        OAuthDriver.register(
            management,
            owner.admin(),
            owner.id(),
            OAuthDriver.draft(
                "Tom & \"Jerry's\" PLM",
                "Parts & \"BOMs\" in 'sync'",
                REDIRECTS,
                ApplicationType.INTEGRATED_CLOUD,
                Set.of(Scope.OAuth2Read, Scope.OAuth2Write, Scope.OAuth2Share)));
    User visitor = fixtures.individual();
    ConsoleClient browser = new OAuthDriver(port).browser(visitor);

    HttpResponse<String> page =
        browser.follow(
            browser.get(
                authorize(app.application().clientId(), "scope", "OAuth2Share OAuth2Read")));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.uri().getPath()).isEqualTo("/oauth/consent");
    assertThat(page.body())
        .contains("Tom &amp; &quot;Jerry&#39;s&quot; PLM")
        .contains("O&#39;Neil &amp; Sons " + owner.tag())
        .contains("Parts &amp; &quot;BOMs&quot; in &#39;sync&#39;")
        .doesNotContain("Tom & \"Jerry")
        .contains(Scope.OAuth2Read.description())
        .contains(Scope.OAuth2Share.description())
        .doesNotContain(Scope.OAuth2Write.description())
        .contains(">Authorize application</button>")
        .contains(">Deny</button>");
  }

  @Test
  void theConsentPageCannotBeFramedAndRunsNoInlineScript() {
    Company acme = fixtures.company("Frames");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    ConsoleClient browser = new OAuthDriver(port).browser(acme.admin());
    HttpResponse<String> page =
        browser.follow(browser.get(authorize(app.application().clientId())));

    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    assertThat(page.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(page.body()).contains("Authorize application");
    assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as(page.body()).isFalse();
  }

  @Test
  void denyRedirectsWithAccessDeniedAndTheStateAndIssuesNoCode() {
    Company acme = fixtures.company("Deny");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    ConsoleClient browser = new OAuthDriver(port).browser(acme.admin());
    HttpResponse<String> page =
        browser.follow(browser.get(authorize(app.application().clientId(), "state", "deny-me")));

    HttpResponse<String> denied = OAuthDriver.deny(browser, page);
    assertThat(OAuthDriver.target(denied)).isEqualTo(REDIRECTS.get(0));
    assertThat(callback(denied))
        .containsEntry("error", "access_denied")
        .containsEntry("state", "deny-me")
        .doesNotContainKey("code");
    assertThat(codes(app.application())).isZero();
  }

  @Test
  void aConsentPostWithoutTheCsrfTokenIsRefusedAndIssuesNothing() {
    Company acme = fixtures.company("Csrf");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    ConsoleClient browser = new OAuthDriver(port).browser(acme.admin());
    HttpResponse<String> page =
        browser.follow(browser.get(authorize(app.application().clientId(), "state", "c")));
    String form = OAuthDriver.form(page.body(), 0);
    String withoutToken = form.replaceAll("&?_csrf=[^&]*", "");
    assertThat(withoutToken).isNotEqualTo(form).contains("state=");

    for (String forged : List.of(withoutToken, withoutToken + "&_csrf=forged")) {
      HttpResponse<String> refused = browser.postEncoded("/oauth/authorize", forged);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Location")).isEmpty();
    }
    assertThat(codes(app.application())).isZero();
    assertThat(consents(app.application(), acme.admin())).isZero();

    // The request is still open: the real form goes through.
    assertThat(callback(OAuthDriver.approve(browser, page))).containsKey("code");
    assertThat(codes(app.application())).isOne();
  }

  @Test
  void aGivenConsentIsRememberedAndAskedAgainWhenTheAppsScopesWiden() {
    Company acme = fixtures.company("Remember");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    ConsoleClient browser = new OAuthDriver(port).browser(acme.admin());
    String request = authorize(app.application().clientId(), "scope", "OAuth2Read", "state", "r");
    callback(OAuthDriver.approve(browser, browser.follow(browser.get(request))));
    assertThat(consents(app.application(), acme.admin())).isOne();

    HttpResponse<String> again = browser.get(request);
    assertThat(OAuthDriver.target(again)).isEqualTo(REDIRECTS.get(0));
    assertThat(callback(again)).containsKey("code").containsEntry("state", "r");
    // A scope not consented yet is asked for.
    HttpResponse<String> more =
        browser.get(authorize(app.application().clientId(), "scope", "OAuth2Read OAuth2Write"));
    assertThat(OAuthDriver.target(more)).contains("/oauth/consent");

    Application current = management.application(app.application().id()).orElseThrow();
    management.update(
        actor(acme.admin()),
        current,
        new ApplicationDraft(
            current.name(),
            current.primaryFormat(),
            current.summary(),
            current.redirectUrls(),
            current.type(),
            current.oauthUrl(),
            false,
            Set.of(Scope.OAuth2Read, Scope.OAuth2Write, Scope.OAuth2Delete),
            null,
            List.of()));
    HttpResponse<String> widened = browser.get(request);
    assertThat(widened.statusCode()).isEqualTo(302);
    assertThat(OAuthDriver.target(widened)).contains("/oauth/consent");
  }

  @Test
  void revokingTheWholeGrantForgetsTheConsent() {
    Company acme = fixtures.company("Forget");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    User member = fixtures.member(acme, Role.ADMIN, License.FULL);
    ConsoleClient admin = new OAuthDriver(port).browser(acme.admin());
    String request = authorize(app.application().clientId(), "scope", "OAuth2Read");
    callback(OAuthDriver.approve(admin, admin.follow(admin.get(request))));
    jdbc.sql(
            "insert into as_consent (registered_client_id, principal_name, authorities,"
                + " consent_epoch, granted_at) values (?, ?, 'SCOPE_OAuth2Read', 0, now())")
        .params(app.application().id().toString(), member.id().toString())
        .update();

    grants.revoke(acme.admin().id(), app.application().id());
    assertThat(consents(app.application(), acme.admin())).isZero();
    assertThat(consents(app.application(), member)).as("another user's consent stays").isOne();
    assertThat(OAuthDriver.target(admin.get(request))).contains("/oauth/consent");

    grants.revokeApplication(app.application().id());
    assertThat(consents(app.application(), member)).isZero();
  }

  @Test
  void theConsentPageOfAnotherUsersRequestOrAForgedStateIsNotFound() {
    Company acme = fixtures.company("Pages");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    OAuthDriver driver = new OAuthDriver(port);
    ConsoleClient browser = driver.browser(acme.admin());
    HttpResponse<String> redirect = browser.get(authorize(app.application().clientId()));
    String page = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(browser.get(page).statusCode()).isEqualTo(200);

    List<User> others =
        List.of(
            fixtures.member(acme, Role.MEMBER, License.FULL),
            fixtures.member(acme, Role.MEMBER, License.LIGHT),
            fixtures.company("Rival").admin());
    for (User other : others) {
      HttpResponse<String> answer = driver.browser(other).get(page);
      assertThat(answer.statusCode()).as(other.email()).isEqualTo(404);
      assertThat(answer.body()).doesNotContain("Acme PLM");
    }
    String forged = page.replaceAll("state=[^&]*", "state=forged");
    assertThat(browser.get(forged).statusCode()).isEqualTo(404);
    IssuedApplication another = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    String otherClient =
        page.replaceAll(
            "client_id=[^&]*", "client_id=" + OAuthDriver.enc(another.application().clientId()));
    assertThat(browser.get(otherClient).statusCode()).isEqualTo(404);
  }

  private long codes(Application app) {
    return jdbc.sql(
            "select count(*) from as_authorization where registered_client_id = ?"
                + " and code_hash is not null")
        .param(app.id().toString())
        .query(Long.class)
        .single();
  }

  private long consents(Application app, User user) {
    return jdbc.sql(
            "select count(*) from as_consent where registered_client_id = ? and principal_name = ?")
        .params(app.id().toString(), user.id().toString())
        .query(Long.class)
        .single();
  }
}
