package dev.portico.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.IssuedApplication;
import dev.portico.audit.AuditEntry;
import dev.portico.audit.AuditFilter;
import dev.portico.audit.AuditTrail;
import dev.portico.authserver.OAuthFlow.Tokens;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.ResultPage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * My account → Applications (OAU-5), Revoke: it ends every token of the grant at once (each
 * authorization's refresh token refused, each access token inactive on introspection) and nothing
 * of the user's other grants; it is recorded in the audit trail; it needs the form's CSRF token;
 * and no one revokes, or learns of, a grant that is not their own.
 */
@PorticoTest
class GrantRevocationTests {

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;

  @Test
  void revokeEndsEveryTokenOfTheGrantAtOnceAndLeavesTheUsersOtherGrantsWorking() {
    Company acme = fixtures.company("Revoke");
    User alice = acme.admin();
    IssuedApplication plm = OAuthFlow.register(management, acme, "PLM " + acme.tag(), null);
    IssuedApplication cam = OAuthFlow.register(management, acme, "CAM " + acme.tag(), null);
    OAuthFlow flow = new OAuthFlow(port);
    Tokens first = flow.grant(alice.email(), plm, "OAuth2Read");
    Tokens second = flow.grant(alice.email(), plm, "OAuth2Read OAuth2Write");
    Tokens other = flow.grant(alice.email(), cam, "OAuth2Read");
    ConsoleClient browser = signedIn(alice);

    HttpResponse<String> revoked = revoke(browser, plm.application().id().toString());

    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(302);
    assertThat(ConsoleClient.location(revoked)).isEqualTo("/my/applications");
    String after = browser.follow(revoked).body();
    assertThat(after)
        .contains("PLM " + acme.tag() + " can no longer access your account")
        .doesNotContain("/my/applications/" + plm.application().id() + "/revoke")
        .contains("/my/applications/" + cam.application().id() + "/revoke");
    for (Tokens ended : List.of(first, second)) {
      assertThat(flow.active(plm, ended.access())).isFalse();
      assertThat(flow.refresh(plm, ended.refresh())).isEqualTo(400);
    }
    assertThat(flow.active(cam, other.access())).isTrue();
    assertThat(flow.refresh(cam, other.refresh())).isEqualTo(200);
    assertThat(authorizations(alice, plm)).isZero();
  }

  @Test
  void revokeIsRecordedInTheUsersAuditTrailWithoutAnySecret() {
    Company acme = fixtures.company("Audited");
    IssuedApplication app = OAuthFlow.register(management, acme, "Audited " + acme.tag(), null);
    Tokens tokens = new OAuthFlow(port).grant(acme.admin().email(), app, "OAuth2Read");

    assertThat(revoke(signedIn(acme.admin()), app.application().id().toString()).statusCode())
        .isEqualTo(302);

    List<AuditEntry> entries =
        audit
            .forAccount(acme.id(), new AuditFilter("grant.", null), new ResultPage.Request(0, 10))
            .items();
    assertThat(entries).hasSize(1);
    AuditEntry entry = entries.get(0);
    assertThat(entry.action()).isEqualTo("grant.revoked");
    assertThat(entry.actor().userId()).isEqualTo(acme.admin().id());
    assertThat(entry.target()).contains("Audited " + acme.tag(), app.application().id().toString());
    assertThat(entry.diff()).containsEntry("scopes", "OAuth2Read → none");
    assertThat(entry.toString())
        .doesNotContain(tokens.access())
        .doesNotContain(tokens.refresh())
        .doesNotContain(app.clientSecret());
  }

  @Test
  void noOneButTheGrantorSeesOrRevokesTheGrantAndAForgedIdSaysNothing() {
    Company acme = fixtures.company("Owner");
    User alice = acme.admin();
    IssuedApplication app = OAuthFlow.register(management, acme, "Kept " + acme.tag(), null);
    OAuthFlow flow = new OAuthFlow(port);
    Tokens kept = flow.grant(alice.email(), app, "OAuth2Read");
    String appId = app.application().id().toString();
    List<User> attackers =
        List.of(
            fixtures.member(acme, Role.MEMBER, License.FULL),
            fixtures.member(acme, Role.MEMBER, License.LIGHT),
            fixtures.member(acme, Role.ADMIN, License.FULL),
            fixtures.company("Rival").admin(),
            fixtures.operator());

    for (User attacker : attackers) {
      ConsoleClient browser = signedIn(attacker);
      assertThat(browser.get("/my/applications/" + appId + "/revoke").statusCode())
          .as(attacker.email())
          .isEqualTo(404);
      HttpResponse<String> refused = revoke(browser, appId);
      assertThat(refused.statusCode()).as(attacker.email()).isEqualTo(404);
      assertThat(refused.body()).doesNotContain("Kept " + acme.tag());
      assertThat(browser.get("/my/applications").body()).doesNotContain("Kept " + acme.tag());
    }
    ConsoleClient own = signedIn(alice);
    for (String forged : new String[] {UUID.randomUUID().toString(), "not-an-id", "0"}) {
      assertThat(own.get("/my/applications/" + forged + "/revoke").statusCode()).isEqualTo(404);
      assertThat(revoke(own, forged).statusCode()).as(forged).isEqualTo(404);
    }

    assertThat(flow.active(app, kept.access())).isTrue();
    assertThat(authorizations(alice, app)).isEqualTo(1);
    assertThat(
            audit
                .forAccount(
                    acme.id(), new AuditFilter("grant.", null), new ResultPage.Request(0, 10))
                .total())
        .isZero();
  }

  @Test
  void revokeWithoutTheFormsCsrfTokenIsRefusedAndEndsNothing() {
    Company acme = fixtures.company("Csrf");
    IssuedApplication app = OAuthFlow.register(management, acme, "Csrf " + acme.tag(), null);
    OAuthFlow flow = new OAuthFlow(port);
    Tokens tokens = flow.grant(acme.admin().email(), app, "OAuth2Read");
    ConsoleClient browser = signedIn(acme.admin());
    String path = "/my/applications/" + app.application().id() + "/revoke";

    HttpResponse<String> noToken = browser.post(path, Map.of());
    HttpResponse<String> wrongToken = browser.post(path, Map.of("_csrf", "forged"));

    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(flow.active(app, tokens.access())).isTrue();
    assertThat(authorizations(acme.admin(), app)).isEqualTo(1);
  }

  /** The confirmation's form, submitted as a browser would (with its CSRF token). */
  private static HttpResponse<String> revoke(ConsoleClient browser, String appId) {
    return browser.submit("/my/applications", "/my/applications/" + appId + "/revoke", Map.of());
  }

  private long authorizations(User user, IssuedApplication app) {
    return jdbc.sql(
            "select count(*) from as_authorization where principal_name = ?"
                + " and registered_client_id = ?")
        .params(user.id().toString(), app.application().id().toString())
        .query(Long.class)
        .single();
  }

  private ConsoleClient signedIn(User user) {
    ConsoleClient browser = new ConsoleClient(port);
    assertThat(ConsoleClient.isRedirect(browser.signIn(user.email(), TestAccounts.PASSWORD)))
        .isTrue();
    return browser;
  }
}
