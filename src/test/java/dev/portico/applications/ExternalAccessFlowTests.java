package dev.portico.applications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.authserver.UserGrants;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * External OAuth end to end (APP-6, OAU-5) against a real OAuth server started by the test: Portico
 * itself, as app B (see {@link ExternalOAuthScenario}). A user grants app A External access through
 * the console; Portico, as an OAuth client of B's server, stores B's tokens sealed and hands them
 * out through {@link ExternalAccess}, refreshing them when they expire.
 */
@PorticoTest
@ExtendWith(OutputCaptureExtension.class)
class ExternalAccessFlowTests {

  @LocalServerPort int port;
  @Autowired TestAccounts fixtures;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationOAuthSettings settings;
  @Autowired ApplicationSharing sharing;
  @Autowired ExternalAccess access;
  @Autowired UserGrants platformGrants;
  @Autowired JdbcClient jdbc;

  Company acme;
  User bob;
  User carol;
  ExternalOAuthScenario scenario;

  @BeforeEach
  void setUp() {
    acme = fixtures.company("Acme");
    bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    carol = fixtures.member(acme, Role.MEMBER, License.FULL);
    scenario =
        ExternalOAuthScenario.create(
            port, management, settings, sharing, acme.admin(), acme.id(), bob, carol);
  }

  @Test
  void grantSendsStateAndPkceToTheAppsServer() {
    ConsoleClient browser = scenario.signedIn(bob);

    HttpResponse<String> start = browser.get(scenario.grantPath());

    assertThat(start.statusCode()).isEqualTo(302);
    String location = start.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("http://localhost:" + port + "/oauth/authorize?");
    Map<String, String> query = ExternalOAuthScenario.query(location);
    assertThat(query)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", scenario.appB.application().clientId())
        .containsEntry("scope", "OAuth2Read")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry(
            "redirect_uri",
            "http://localhost:" + port + "/external-oauth/callback/" + scenario.appA.id());
    assertThat(query.get("state")).hasSizeGreaterThan(20);
    assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void grantedTokenIsStoredSealedAndWorksAsTheServersBearerToken() {
    HttpResponse<String> page = scenario.grant(scenario.signedIn(bob));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.uri().getPath()).isEqualTo("/my/applications");
    assertThat(page.body())
        .contains(scenario.appA.name() + " now has External access")
        .contains("id=\"external-" + scenario.appA.id() + "\"");
    String token = access.accessToken(bob.id(), scenario.appA.id()).orElseThrow();
    Map<String, Object> row = row(bob);
    assertThat((String) row.get("access_sealed")).doesNotContain(token).contains(":");
    assertThat((String) row.get("refresh_sealed")).isNotBlank();
    assertThat(row.get("scopes")).isEqualTo("OAuth2Read");
    HttpResponse<String> info = scenario.api().get("/api/users/sessioninfo", token);
    assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
    assertThat(info.body())
        .contains(bob.id().toString())
        .contains(scenario.appB.application().clientId());
  }

  @Test
  void expiredTokenIsRefreshedStoredAndWorks(CapturedOutput output) {
    scenario.grant(scenario.signedIn(bob));
    String first = access.accessToken(bob.id(), scenario.appA.id()).orElseThrow();
    String sealedRefresh = (String) row(bob).get("refresh_sealed");

    expire(bob);
    String second = access.accessToken(bob.id(), scenario.appA.id()).orElseThrow();

    assertThat(second).isNotEqualTo(first);
    assertThat(row(bob).get("refresh_sealed")).isNotEqualTo(sealedRefresh);
    assertThat(scenario.api().get("/api/users/sessioninfo", second).statusCode()).isEqualTo(200);
    assertThat(access.accessToken(bob.id(), scenario.appA.id())).contains(second);
    assertThat(output.getAll()).doesNotContain(first).doesNotContain(second);
  }

  @Test
  void concurrentCallersRefreshOnceAndTheRotatingServerKeepsTheGrant() throws Exception {
    scenario.grant(scenario.signedIn(bob));
    expire(bob);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Optional<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return access.accessToken(bob.id(), scenario.appA.id());
                }));
      }
      start.countDown();
      // Portico's server ends a grant whose rotated refresh token comes back: both answers
      // present means the second caller used the first one's refresh.
      String first = calls.get(0).get(60, TimeUnit.SECONDS).orElseThrow();
      String second = calls.get(1).get(60, TimeUnit.SECONDS).orElseThrow();
      assertThat(second).isEqualTo(first);
      assertThat(scenario.api().get("/api/users/sessioninfo", first).statusCode()).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refreshRefusedByTheServerEndsTheGrant(CapturedOutput output) {
    scenario.grant(scenario.signedIn(bob));
    platformGrants.revoke(
        SharingFixtures.actor(bob), bob, scenario.appB.application().id()); // at the server

    expire(bob);

    assertThat(access.accessToken(bob.id(), scenario.appA.id())).isEmpty();
    assertThat(rows(bob)).isZero();
    assertThat(output.getAll()).contains("failed: invalid_grant (grant ended)");
  }

  @Test
  void anotherUserGetsNoToken() {
    scenario.grant(scenario.signedIn(bob));

    assertThat(access.accessToken(carol.id(), scenario.appA.id())).isEmpty();
    assertThat(access.accessToken(bob.id(), scenario.appB.application().id())).isEmpty();
  }

  @Test
  void revokeFromMyApplicationsDeletesTheTokensAndIsAudited() {
    ConsoleClient browser = scenario.signedIn(bob);
    scenario.grant(browser);
    String base = "/my/applications/external/" + scenario.appA.id() + "/revoke";
    HttpResponse<String> confirm = browser.get(base);
    assertThat(confirm.body()).contains("Revoke the External access of " + scenario.appA.name());

    HttpResponse<String> done = browser.submit(base, base, Map.of());

    assertThat(ConsoleClient.location(done)).isEqualTo("/my/applications");
    assertThat(rows(bob)).isZero();
    assertThat(access.accessToken(bob.id(), scenario.appA.id())).isEmpty();
    assertThat(audited(bob, "external-access.revoked")).isEqualTo(1);
    assertThat(audited(bob, "external-access.granted")).isEqualTo(1);
    assertThat(browser.follow(done).body())
        .contains("Grant " + scenario.appA.name() + " External access");
  }

  @Test
  void removingTheExternalOAuthConfigurationDeletesItsTokens() {
    scenario.grant(scenario.signedIn(bob));
    scenario.grant(scenario.signedIn(carol));

    settings.removeExternalOAuth(SharingFixtures.actor(acme.admin()), scenario.appA);

    assertThat(rows(bob) + rows(carol)).isZero();
    assertThat(access.accessToken(bob.id(), scenario.appA.id())).isEmpty();
  }

  @Test
  void changingTheClientIdDeletesItsTokensButOtherChangesKeepThem() {
    scenario.grant(scenario.signedIn(bob));
    ExternalOAuth config = settings.externalOAuth(scenario.appA.id()).orElseThrow();

    settings.updateExternalOAuth(
        SharingFixtures.actor(acme.admin()),
        scenario.appA,
        new ExternalOAuthDraft(
            config.clientId(),
            null,
            config.authorizationUrl(),
            config.tokenUrl(),
            "OAuth2Read OAuth2Write"));
    assertThat(rows(bob)).isOne();
    settings.updateExternalOAuth(
        SharingFixtures.actor(acme.admin()),
        scenario.appA,
        new ExternalOAuthDraft(
            "another-client", null, config.authorizationUrl(), config.tokenUrl(), ""));

    assertThat(rows(bob)).isZero();
  }

  private Map<String, Object> row(User user) {
    return jdbc.sql("select * from app_external_token where application_id = :a and user_id = :u")
        .param("a", scenario.appA.id())
        .param("u", user.id())
        .query()
        .singleRow();
  }

  private long rows(User user) {
    return jdbc.sql("select count(*) from app_external_token where user_id = :u")
        .param("u", user.id())
        .query(Long.class)
        .single();
  }

  private void expire(User user) {
    jdbc.sql(
            "update app_external_token set expires_at = current_timestamp - interval '1' hour"
                + " where user_id = :u")
        .param("u", user.id())
        .update();
  }

  private long audited(User user, String action) {
    return jdbc.sql("select count(*) from aud_entry where actor_user_id = :u and action = :a")
        .param("u", user.id())
        .param("a", action)
        .query(Long.class)
        .single();
  }
}
