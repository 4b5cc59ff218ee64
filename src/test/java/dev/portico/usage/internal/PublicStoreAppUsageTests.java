package dev.portico.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.OAuthFlow;
import dev.portico.store.EntryState;
import dev.portico.store.StoreEntry;
import dev.portico.store.StoreFixtures;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * USE-2 through the real {@code /api} chain: a public store app's token calls stop counting from
 * the moment its entry is PUBLIC (the store's change feed topic), the calls made before stay
 * counted, and they count again once the entry is no longer public; the owner's API key calls
 * always count.
 */
@PorticoTest
class PublicStoreAppUsageTests {

  static final String SESSION_INFO = "/api/users/sessioninfo";

  @Autowired TestAccounts accounts;
  @Autowired ApplicationManagement applications;
  @Autowired StoreFixtures store;
  @Autowired UsageFlush flush;
  @Autowired JdbcClient sql;
  @LocalServerPort int port;

  @Test
  void callsOfAPublicAppDoNotCountFromTheMomentItIsPublic() {
    User owner = accounts.individual();
    User endUser = accounts.individual();
    Set<Scope> scopes = EnumSet.of(Scope.OAuth2Read);
    IssuedApplication app =
        OAuthFlow.register(applications, owner, owner.personalAccountId(), scopes);
    StoreEntry entry = store.entry(owner, app.application(), "NONE", Set.of());
    String token = new OAuthFlow(port).authorize(app, endUser, scopes).access();
    call(token, 2);
    assertThat(flush.flush()).isTrue();

    store.setState(entry, EntryState.PUBLIC);
    call(token, 3);
    flush.flush();
    UsageRows rows = new UsageRows(sql);
    assertThat(rows.periodCalls(owner.personalAccountId())).isEqualTo(2);

    store.setState(entry, EntryState.PRIVATE);
    call(token, 1);
    assertThat(flush.flush()).isTrue();
    assertThat(rows.cells(owner.personalAccountId()))
        .containsExactly(
            new UsageRows.Cell(
                app.application().id(), CounterKey.NONE, endUser.id(), "platform", 3));
    assertThat(rows.periodCalls(owner.personalAccountId())).isEqualTo(3);
  }

  private void call(String token, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(ApiCalls.withToken(port, SESSION_INFO, token).statusCode()).isEqualTo(200);
    }
  }
}
