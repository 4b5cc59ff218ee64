package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.REDIRECTS;
import static dev.portico.authserver.AuthServerFixtures.issue;
import static dev.portico.authserver.OAuthTestClient.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.PorticoApplication;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.OAuthTestClient.Tokens;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * OAU-6 with two Portico nodes on one PostgreSQL database (the database is the only place an
 * authorization lives): a code issued by one node is redeemed at the other, refresh tokens rotate
 * across nodes, and a rotated refresh token replayed at one node revokes the family on both.
 */
@PorticoTest
class AuthServerTwoNodesTests {

  static ConfigurableApplicationContext nodeB;

  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;
  @LocalServerPort int portA;

  @BeforeAll
  static void startSecondNode(@Autowired Environment nodeA) {
    nodeB =
        new SpringApplicationBuilder(PorticoApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + nodeA.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username="
                    + nodeA.getRequiredProperty("spring.datasource.username"),
                "--spring.datasource.password=",
                "--portico.apikeys.encryption-keys.test="
                    + nodeA.getRequiredProperty("portico.apikeys.encryption-keys.test"));
  }

  @AfterAll
  static void stopSecondNode() {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @Test
  void anyNodeRedeemsAnyCodeAndAReplayOnOneNodeRevokesOnBoth() {
    Company acme = fixtures.company("TwoNodesAs");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    OAuthTestClient onA = new OAuthTestClient(portA);
    OAuthTestClient onB =
        new OAuthTestClient(((WebServerApplicationContext) nodeB).getWebServer().getPort());
    ConsoleClient browser = new ConsoleClient(portA);
    browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);

    String code = onA.code(browser, app, REDIRECTS.get(0), "");
    Tokens first = onB.exchange(app, code, REDIRECTS.get(0), "");
    assertThat(onA.active(app, first.access())).isTrue();
    HttpResponse<String> again = onA.exchangeAnswer(app, code, REDIRECTS.get(0), "");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(error(again)).isEqualTo("invalid_grant");
    assertThat(onB.active(app, first.access()))
        .as("a second use revoked the code's tokens")
        .isFalse();

    Tokens second =
        onA.exchange(app, onA.code(browser, app, REDIRECTS.get(0), ""), REDIRECTS.get(0), "");
    HttpResponse<String> refreshedOnB = onB.refresh(app, second.refresh());
    assertThat(refreshedOnB.statusCode()).as(refreshedOnB.body()).isEqualTo(200);
    Tokens third = OAuthTestClient.tokens(refreshedOnB);
    HttpResponse<String> refreshedOnA = onA.refresh(app, third.refresh());
    assertThat(refreshedOnA.statusCode()).as(refreshedOnA.body()).isEqualTo(200);
    Tokens newest = OAuthTestClient.tokens(refreshedOnA);

    HttpResponse<String> replayedOnB = onB.refresh(app, second.refresh());

    assertThat(replayedOnB.statusCode()).isEqualTo(400);
    assertThat(error(replayedOnB)).isEqualTo("invalid_grant");
    assertThat(onA.active(app, newest.access())).isFalse();
    assertThat(onA.refresh(app, newest.refresh()).statusCode()).isEqualTo(400);
  }

  @Test
  void anAccessTokenReplacedByARefreshOrRevokedOnOneNodeIsRefusedByTheOtherWithinFiveSeconds()
      throws Exception {
    Company acme = fixtures.company("TwoNodesBearer");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    OAuthTestClient onA = new OAuthTestClient(portA);
    OAuthFlow apiOnB =
        new OAuthFlow(((WebServerApplicationContext) nodeB).getWebServer().getPort());
    ConsoleClient browser = new ConsoleClient(portA);
    browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);
    Tokens replaced =
        onA.exchange(app, onA.code(browser, app, REDIRECTS.get(0), ""), REDIRECTS.get(0), "");
    Tokens revoked =
        onA.exchange(app, onA.code(browser, app, REDIRECTS.get(0), ""), REDIRECTS.get(0), "");
    assertThat(apiOnB.get("/api/users/sessioninfo", replaced.access()).statusCode())
        .isEqualTo(200); // now cached on node B
    assertThat(apiOnB.get("/api/users/sessioninfo", revoked.access()).statusCode()).isEqualTo(200);

    Tokens refreshed = OAuthTestClient.tokens(onA.refresh(app, replaced.refresh()));
    HttpResponse<String> revocation =
        onA.post(
            "/oauth/revoke",
            "token=" + OAuthTestClient.enc(revoked.access()),
            OAuthTestClient.basic(app));
    assertThat(revocation.statusCode()).isEqualTo(200);

    assertRefusedWithinFiveSeconds(apiOnB, replaced.access());
    assertRefusedWithinFiveSeconds(apiOnB, revoked.access());
    assertThat(apiOnB.get("/api/users/sessioninfo", refreshed.access()).statusCode())
        .isEqualTo(200);
  }

  private static void assertRefusedWithinFiveSeconds(OAuthFlow api, String token)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMillis(6500).toNanos();
    int status;
    do {
      status = api.get("/api/users/sessioninfo", token).statusCode();
      if (status == 401) {
        return;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    assertThat(status).as("node B still accepts the token").isEqualTo(401);
  }
}
