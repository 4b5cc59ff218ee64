package dev.portico.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationTransfers;
import dev.portico.applications.IssuedApplication;
import dev.portico.applications.TransferTarget;
import dev.portico.authserver.OAuthFlow;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OWN-4 and USE-3 through the real {@code /api} chain: once an app is transferred, the very next
 * call with a token issued before the transfer is charged to the new owner (the token itself keeps
 * working), and the calls made before stay with the old owner.
 */
@PorticoTest
class TransferredAppUsageTests {

  static final String SESSION_INFO = "/api/users/sessioninfo";

  @Autowired TestAccounts accounts;
  @Autowired ApplicationManagement applications;
  @Autowired ApplicationTransfers transfers;
  @Autowired UsageFlush flush;
  @Autowired JdbcClient sql;
  @LocalServerPort int port;

  @Test
  void callsAfterTheTransferAreChargedToTheNewOwnerAndEarlierOnesStayWithTheOld() {
    User oldOwner = accounts.individual();
    User newOwner = accounts.individual();
    User endUser = accounts.individual();
    Set<Scope> scopes = EnumSet.of(Scope.OAuth2Read);
    IssuedApplication app =
        OAuthFlow.register(applications, oldOwner, oldOwner.personalAccountId(), scopes);
    String token = new OAuthFlow(port).authorize(app, endUser, scopes).access();
    for (int i = 0; i < 2; i++) {
      assertThat(ApiCalls.withToken(port, SESSION_INFO, token).statusCode()).isEqualTo(200);
    }
    assertThat(flush.flush()).isTrue();

    transfers.transfer(
        OAuthFlow.actor(oldOwner),
        oldOwner,
        false,
        app.application(),
        TransferTarget.person(newOwner.id()));

    assertThat(ApiCalls.withToken(port, SESSION_INFO, token).statusCode()).isEqualTo(200);
    assertThat(flush.flush()).isTrue();

    UsageRows rows = new UsageRows(sql);
    assertThat(rows.cells(oldOwner.personalAccountId()))
        .containsExactly(
            new UsageRows.Cell(
                app.application().id(), CounterKey.NONE, endUser.id(), "platform", 2));
    assertThat(rows.cells(newOwner.personalAccountId()))
        .containsExactly(
            new UsageRows.Cell(
                app.application().id(), CounterKey.NONE, endUser.id(), "platform", 1));
    assertThat(rows.periodCalls(oldOwner.personalAccountId())).isEqualTo(2);
    assertThat(rows.periodCalls(newOwner.personalAccountId())).isEqualTo(1);
  }
}
