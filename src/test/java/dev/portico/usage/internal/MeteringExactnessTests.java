package dev.portico.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * USE-7, must show: two Portico nodes on one PostgreSQL database (this test's node A and a node B),
 * 24 concurrent clients — 20 with API keys of a company, 4 with Bearer tokens of an app owned by a
 * developer — making a known number of counted calls through both nodes, and 401, 403 and 404 calls
 * that must not count. The stored usage (detail, day and period rows) equals the calls made,
 * exactly, once the nodes have flushed; and again after a second round cut short by stopping both
 * nodes gracefully (node B's context closed, node A's flush lifecycle stopped, as its context close
 * would): nothing lost, nothing counted twice.
 */
@PorticoTest
class MeteringExactnessTests {

  static final int KEY_CLIENTS = 20;
  static final int TOKEN_CLIENTS = 4;
  static final String SESSION_INFO = MeteringRulesTests.SESSION_INFO;

  static ConfigurableApplicationContext nodeB;

  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired ApplicationManagement applications;
  @Autowired UsageFlush flushA;
  @Autowired JdbcClient sql;
  @LocalServerPort int portA;

  @BeforeAll
  static void startNodeB(@Autowired Environment nodeA) {
    nodeB = OtherNode.inProcess(nodeA);
  }

  @AfterAll
  static void stopNodeB() {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @Test
  void countedCallsThroughTwoNodesAreStoredExactlyAndAGracefulStopOfBothLosesNone()
      throws Exception {
    Company acme = accounts.company("Exact");
    User developer = accounts.individual();
    List<Client> clients = clients(acme, developer);
    int portB = OtherNode.port(nodeB);
    UsageRows rows = new UsageRows(sql);

    long made = round(clients, i -> i % 2 == 0 ? portA : portB, 30);

    long keyCalls = KEY_CLIENTS * 30L;
    long tokenCalls = TOKEN_CLIENTS * 30L;
    assertThat(made).isEqualTo(keyCalls + tokenCalls);
    awaitStored(rows, acme.id(), keyCalls);
    awaitStored(rows, developer.personalAccountId(), tokenCalls);
    assertExactly(rows, acme.id(), keyCalls);
    assertExactly(rows, developer.personalAccountId(), tokenCalls);

    round(clients, i -> i % 2 == 0 ? portB : portA, 20);
    nodeB.close(); // graceful: Tomcat drains, then the last flush
    flushA.stop(); // node A's shutdown path (its context is shared with other test classes)
    flushA.start();

    assertExactly(rows, acme.id(), KEY_CLIENTS * 50L);
    assertExactly(rows, developer.personalAccountId(), TOKEN_CLIENTS * 50L);
  }

  /**
   * Every client makes {@code counted} counted calls and one each of 401, 403 and 404, all to the
   * node {@code portOf(client)}; answers the 2xx answers (each one checked).
   */
  private long round(List<Client> clients, IntFunction<Integer> portOf, int counted)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    try {
      List<Future<Integer>> answered = new ArrayList<>();
      for (int i = 0; i < clients.size(); i++) {
        Client client = clients.get(i);
        int port = portOf.apply(i);
        answered.add(pool.submit(() -> client.calls(port, counted)));
      }
      long made = 0;
      for (Future<Integer> f : answered) {
        made += f.get(120, TimeUnit.SECONDS);
      }
      return made;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertExactly(UsageRows rows, UUID accountId, long calls) {
    assertThat(rows.detailCalls(accountId)).as("use_counter").isEqualTo(calls);
    assertThat(rows.dayCalls(accountId)).as("use_day_total").isEqualTo(calls);
    assertThat(rows.periodCalls(accountId)).as("use_period_total 'all'").isEqualTo(calls);
    assertThat(rows.breakdown(accountId).entrySet())
        .filteredOn(e -> e.getKey().startsWith("endpoint:"))
        .extracting(e -> e.getValue())
        .containsExactly(calls);
  }

  /** Waits for both nodes' scheduled flushes (never more than a few windows). */
  private static void awaitStored(UsageRows rows, UUID accountId, long calls)
      throws InterruptedException {
    for (int i = 0; i < 100 && rows.detailCalls(accountId) < calls; i++) {
      Thread.sleep(100);
    }
  }

  private List<Client> clients(Company acme, User developer) {
    IssuedApiKey writeOnly = keys.issue(acme.admin(), Scope.OAuth2Write);
    List<Client> clients = new ArrayList<>();
    for (int i = 0; i < KEY_CLIENTS; i++) {
      IssuedApiKey key = keys.issue(acme.admin());
      clients.add(new Client(TestApiKeys.basic(key), ApiCalls.wrongSecret(key), writeOnly));
    }
    Set<Scope> scopes = EnumSet.of(Scope.OAuth2Read);
    IssuedApplication app =
        OAuthFlow.register(applications, developer, developer.personalAccountId(), scopes);
    for (int i = 0; i < TOKEN_CLIENTS; i++) {
      String token = new OAuthFlow(portA).authorize(app, accounts.individual(), scopes).access();
      clients.add(new Client("Bearer " + token, "Bearer not-a-token-" + i, writeOnly));
    }
    return clients;
  }

  /** One client: its credential, a credential that fails, and a key without Read (403). */
  record Client(String authorization, String wrong, IssuedApiKey writeOnly) {

    int calls(int port, int counted) {
      int ok = 0;
      for (int i = 0; i < counted; i++) {
        int status = ApiCalls.get(port, SESSION_INFO, authorization).statusCode();
        assertThat(status).as("counted call").isEqualTo(200);
        ok++;
      }
      assertThat(ApiCalls.get(port, SESSION_INFO, wrong).statusCode()).isEqualTo(401);
      assertThat(ApiCalls.withKey(port, "/api/companies", writeOnly).statusCode()).isEqualTo(403);
      assertThat(ApiCalls.get(port, "/api/no-such-endpoint", authorization).statusCode())
          .isEqualTo(404);
      return ok;
    }
  }
}
