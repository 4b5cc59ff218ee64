package dev.portico.notifications;

import static dev.portico.notifications.Emails.eventually;
import static dev.portico.notifications.TestSmtp.messagesTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.AccountChanges;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.Actor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * USE-4, USE-5 and NOT-1 end to end, across two nodes on one database and one SMTP server: real API
 * calls through both nodes at once drive an account across 25, 50, 75 and 100 % of its allocation
 * while the SMTP server is down; once it is back, every admin has exactly four emails (one per
 * threshold, none twice although both nodes metered the crossing calls and both nodes' senders
 * drain the outbox), a member none; the call after 100 % answers 402 with the body of the reference
 * platform on both nodes.
 */
@SmtpPorticoTest
class ThresholdEmailsAcrossNodesTests {

  static final int ALLOCATION = 40;
  static final String LIMIT_BODY =
      "{\"message\":\"API limits have been reached. Contact your administrator.\",\"status\":402}";
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  static ConfigurableApplicationContext nodeB;

  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired AccountManagement accountManagement;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int portA;

  @BeforeAll
  static void startNodeB(@Autowired Environment nodeA) {
    nodeB = SmtpSecondNode.start(nodeA);
  }

  @AfterAll
  static void stopNodeB() {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @AfterEach
  void smtpIsUpAgain() {
    TestSmtp.start();
  }

  @Test
  void fourThresholdsCrossedThroughTwoNodesWhileSmtpIsDownSendEveryAdminExactlyFourEmails()
      throws Exception {
    Company acme = accounts.company("Thresholds");
    List<User> admins =
        List.of(
            acme.admin(),
            accounts.member(acme, Role.ADMIN, License.FULL),
            accounts.member(acme, Role.ADMIN, License.FULL));
    User member = accounts.member(acme, Role.MEMBER, License.FULL);
    accountManagement.updateAccount(
        Actor.SYSTEM, acme.id(), new AccountChanges(null, null, null, null, 40L, false));
    IssuedApiKey key = keys.issue(member, Scope.OAuth2Read);
    int portB = nodeB.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    TestSmtp.stop();

    for (int threshold : List.of(25, 50, 75, 100)) {
      // a quarter of the allocation, half through each node, concurrently
      assertThat(callsThroughBothNodes(key, portA, portB, ALLOCATION / 4)).containsOnly("200");
      eventually().until(() -> reached(acme, threshold));
    }

    for (int port : List.of(portA, portB)) {
      eventually().until(() -> call(port, key).statusCode() == 402);
      HttpResponse<String> refused = call(port, key);
      assertThat(refused.statusCode()).isEqualTo(402);
      assertThat(refused.body()).isEqualTo(LIMIT_BODY);
    }
    assertThat(thresholdRows(acme)).containsExactly(25, 50, 75, 100);
    assertThat(admins).allSatisfy(admin -> assertThat(messagesTo(admin.email())).isEmpty());

    TestSmtp.start();

    eventually().until(() -> admins.stream().allMatch(a -> messagesTo(a.email()).size() >= 4));
    // both senders keep running: nothing more arrives
    Thread.sleep(3_000);
    for (User admin : admins) {
      assertThat(messagesTo(admin.email()).stream().map(Emails::subject))
          .hasSize(4)
          .doesNotHaveDuplicates()
          .anySatisfy(subject -> assertThat(subject).contains("25"))
          .anySatisfy(subject -> assertThat(subject).contains("50"))
          .anySatisfy(subject -> assertThat(subject).contains("75"))
          .anySatisfy(subject -> assertThat(subject).contains("100"));
    }
    assertThat(messagesTo(member.email())).isEmpty();
  }

  private List<String> callsThroughBothNodes(IssuedApiKey key, int portA, int portB, int calls)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        int port = i % 2 == 0 ? portA : portB;
        answers.add(
            pool.submit(
                () -> {
                  HttpResponse<String> answer = call(port, key);
                  return answer.statusCode() == 200
                      ? "200"
                      : answer.statusCode() + " " + answer.body();
                }));
      }
      List<String> statuses = new ArrayList<>();
      for (Future<String> answer : answers) {
        statuses.add(answer.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static HttpResponse<String> call(int port, IssuedApiKey key) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users/sessioninfo"))
            .header("Authorization", TestApiKeys.basic(key))
            .header("Accept", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private boolean reached(Company company, int threshold) {
    return thresholdRows(company).contains(threshold);
  }

  private List<Integer> thresholdRows(Company company) {
    return jdbc.sql("select threshold from use_threshold where account_id = :a order by threshold")
        .param("a", company.id())
        .query(Integer.class)
        .list();
  }
}
