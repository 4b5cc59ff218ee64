package dev.portico.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.OAuthFlow;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What counts and who pays (USE-2, USE-3), through the real {@code /api} chain on PostgreSQL: only
 * 2xx/3xx answers to API keys and tokens, charged to the key's account or the app owner's, never
 * the operator's own calls; each flush writes the detail, day and period rows, with no breakdown
 * row for a "none" dimension.
 */
@PorticoTest
class MeteringRulesTests {

  static final String SESSION_INFO = "/api/users/sessioninfo";

  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired ApplicationManagement applications;
  @Autowired UsageFlush flush;
  @Autowired JdbcClient sql;
  @LocalServerPort int port;

  @Test
  void keyCallsAnswered2xxAreChargedToTheKeysAccountAnd401And403And404AreNot() {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    IssuedApiKey writeOnly = keys.issue(acme.admin(), Scope.OAuth2Write);
    for (int i = 0; i < 5; i++) {
      assertThat(ApiCalls.withKey(port, SESSION_INFO, key).statusCode()).isEqualTo(200);
    }
    assertThat(ApiCalls.get(port, SESSION_INFO, ApiCalls.wrongSecret(key)).statusCode())
        .isEqualTo(401);
    assertThat(ApiCalls.withKey(port, "/api/companies", writeOnly).statusCode()).isEqualTo(403);
    assertThat(ApiCalls.withKey(port, "/api/no-such-endpoint", key).statusCode()).isEqualTo(404);

    assertThat(flush.flush()).isTrue();

    UsageRows rows = new UsageRows(sql);
    assertThat(rows.cells(acme.id()))
        .containsExactly(
            new UsageRows.Cell(CounterKey.NONE, key.key().id(), acme.admin().id(), "platform", 5));
    assertThat(rows.dayCalls(acme.id())).isEqualTo(5);
    assertThat(rows.breakdown(acme.id()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "all:",
                5L,
                "apiKey:" + key.key().id(),
                5L,
                "user:" + acme.admin().id(),
                5L,
                "endpoint:platform",
                5L));
  }

  @Test
  void bearerCallsAreChargedToTheApplicationOwnersAccountNotTheEndUsers() {
    User developer = accounts.individual();
    User endUser = accounts.individual();
    Set<Scope> scopes = EnumSet.of(Scope.OAuth2Read);
    IssuedApplication app =
        OAuthFlow.register(applications, developer, developer.personalAccountId(), scopes);
    String token = new OAuthFlow(port).authorize(app, endUser, scopes).access();
    for (int i = 0; i < 3; i++) {
      assertThat(ApiCalls.withToken(port, SESSION_INFO, token).statusCode()).isEqualTo(200);
    }
    assertThat(ApiCalls.withToken(port, "/api/no-such-endpoint", token).statusCode())
        .isEqualTo(404);

    assertThat(flush.flush()).isTrue();

    UsageRows rows = new UsageRows(sql);
    assertThat(rows.cells(developer.personalAccountId()))
        .containsExactly(
            new UsageRows.Cell(
                app.application().id(), CounterKey.NONE, endUser.id(), "platform", 3));
    assertThat(rows.detailCalls(endUser.personalAccountId())).isZero();
    assertThat(rows.breakdown(developer.personalAccountId()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "all:",
                3L,
                "application:" + app.application().id(),
                3L,
                "user:" + endUser.id(),
                3L,
                "endpoint:platform",
                3L));
  }

  @Test
  void operatorsOwnCallsAreNotCounted() {
    User operator = accounts.operator();
    IssuedApiKey key = keys.issue(operator);
    for (int i = 0; i < 3; i++) {
      assertThat(ApiCalls.withKey(port, SESSION_INFO, key).statusCode()).isEqualTo(200);
    }
    assertThat(flush.flush()).isTrue();

    assertThat(new UsageRows(sql).detailCalls(operator.personalAccountId())).isZero();
  }

  @Test
  void answers5xxAreNotCountedEvenForACountedCaller(@Autowired MeterInMemory meter) {
    Company acme = accounts.company("Acme");
    ApiCaller caller = UsageRows.keyCaller(acme.admin(), acme.id(), null);
    meter.count(caller, "platform", 500);
    meter.count(caller, "proxy", 503);
    meter.count(caller, "proxy", 302);

    assertThat(flush.flush()).isTrue();

    assertThat(new UsageRows(sql).cells(acme.id()))
        .extracting(UsageRows.Cell::endpointGroup, UsageRows.Cell::calls)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("proxy", 1L));
  }
}
