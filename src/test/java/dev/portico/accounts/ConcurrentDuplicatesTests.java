package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Concurrent duplicates (DESIGN "Who can act for whom"): several requests creating the same email
 * or the same enterprise domain at the same instant all pass the service's check; the database's
 * unique key keeps one, and every other request ends as 409 or 422 — never 500 — over REST and in
 * the console. Each round sends {@link #AT_ONCE} requests released together over real HTTP.
 */
@PorticoTest
class ConcurrentDuplicatesTests {

  private static final int AT_ONCE = 4;
  private static final int ROUNDS = 5;

  @LocalServerPort int port;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired AccountManagement management;
  @Autowired JdbcClient jdbc;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE);

  @AfterEach
  void stopClients() {
    clients.shutdownNow();
  }

  @Test
  void sameEmailAddedByRequestsAtOnceMakesOneUserAndNoAnswerIs500() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    for (int round = 0; round < ROUNDS; round++) {
      String email = "twin-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
      String body =
          """
          {"email":"%s","name":"Twin","role":"MEMBER","license":"FULL","password":"a-long-password"}
          """
              .formatted(email);

      List<HttpResponse<String>> answers =
          atOnce(i -> () -> postJson("/api/accounts/" + acme.id() + "/users", admin, body));

      assertOneCreatedRestRefused(answers);
      assertThat(usersWithEmail(email)).isEqualTo(1L);
    }
  }

  @Test
  void sameEnterpriseDomainCreatedByRequestsAtOnceMakesOneAccountAndNoAnswerIs500()
      throws Exception {
    IssuedApiKey operator = apiKeys.issue(fixtures.operator());
    for (int round = 0; round < ROUNDS; round++) {
      String tag = UUID.randomUUID().toString().substring(0, 8);
      String domain = "twin-" + tag + ".portico.test";

      List<HttpResponse<String>> answers =
          atOnce(
              i ->
                  () ->
                      postJson(
                          "/api/accounts",
                          operator,
                          """
                          {"type":"ENTERPRISE","name":"Twin %s %d","plan":"ENTERPRISE",
                           "domain":"%s","admin":{"email":"admin-%d-%s@twin.test","name":"Ada"}}
                          """
                              .formatted(tag, i, domain, i, tag)));

      assertOneCreatedRestRefused(answers);
      assertThat(accountsWithDomain(domain)).isEqualTo(1L);
    }
  }

  @Test
  void sameDomainSubmittedInTheConsoleAtOnceMakesOneAccountAndNoPageIs500() throws Exception {
    User operator = fixtures.operator();
    List<ConsoleClient> browsers = new ArrayList<>();
    for (int i = 0; i < AT_ONCE; i++) {
      ConsoleClient browser = new ConsoleClient(port);
      assertThat(ConsoleClient.location(browser.signIn(operator.email(), TestAccounts.PASSWORD)))
          .isEqualTo("/");
      browsers.add(browser);
    }
    for (int round = 0; round < ROUNDS; round++) {
      String tag = UUID.randomUUID().toString().substring(0, 8);
      String domain = "console-twin-" + tag + ".portico.test";
      List<Map<String, String>> forms = new ArrayList<>();
      for (int i = 0; i < AT_ONCE; i++) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "ENTERPRISE");
        form.put("name", "Console twin " + tag + " " + i);
        form.put("plan", "ENTERPRISE");
        form.put("domain", domain);
        form.put("adminEmail", "admin-" + i + "-" + tag + "@twin.test");
        form.put("adminName", "Ada");
        form.put("adminPassword", TestAccounts.PASSWORD);
        form.put(
            "_csrf", ConsoleClient.csrfToken(browsers.get(i).get("/operator/accounts/new").body()));
        forms.add(form);
      }

      List<HttpResponse<String>> answers =
          atOnce(i -> () -> browsers.get(i).post("/operator/accounts/new", forms.get(i)));

      assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isLessThan(500));
      assertThat(answers)
          .filteredOn(ConsoleClient::isRedirect)
          .as(() -> answers.stream().map(a -> a.statusCode() + " " + a.body()).toList().toString())
          .hasSize(1);
      assertThat(answers)
          .filteredOn(a -> !ConsoleClient.isRedirect(a))
          .allSatisfy(
              a -> {
                if (a.statusCode() == 409) {
                  assertThat(a.body()).contains("at the same moment");
                } else {
                  assertThat(a.statusCode()).isEqualTo(200);
                  assertThat(a.body()).contains("is used by another enterprise");
                }
              });
      assertThat(accountsWithDomain(domain)).isEqualTo(1L);
    }
  }

  @Test
  void enterpriseDomainIsUniqueWhateverItsLetterCase() throws Exception {
    IssuedApiKey operator = apiKeys.issue(fixtures.operator());
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String domain = "case-" + tag + ".portico.test";
    String enterprise =
        """
        {"type":"ENTERPRISE","name":"Case %s","plan":"ENTERPRISE","domain":"%s",
         "admin":{"email":"%s@case.test","name":"Ada"}}
        """;

    assertThat(
            postJson("/api/accounts", operator, enterprise.formatted(tag, domain, "a-" + tag))
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> upper =
        postJson(
            "/api/accounts",
            operator,
            enterprise.formatted(tag + "b", domain.toUpperCase(java.util.Locale.ROOT), "b-" + tag));

    // Domains are stored as typed but must be lower case, so one value has one spelling only.
    assertThat(upper.statusCode()).isEqualTo(422);
    assertThat(upper.body()).contains("\"field\":\"domain\"");
    assertThat(
            jdbc.sql("select count(*) from acc_account where lower(domain) = :d")
                .param("d", domain)
                .query(Long.class)
                .single())
        .isEqualTo(1L);
  }

  /** Exactly one 201; every other answer a 409 or 422 problem (or 202 once invitations exist). */
  private static void assertOneCreatedRestRefused(List<HttpResponse<String>> answers) {
    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isLessThan(500));
    assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
    assertThat(answers)
        .filteredOn(a -> a.statusCode() != 201)
        .allSatisfy(
            a -> {
              assertThat(a.statusCode()).as(a.body()).isIn(202, 409, 422);
              if (a.statusCode() != 202) {
                assertThat(a.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
              }
            });
  }

  /** Runs the calls on {@link #AT_ONCE} threads released at the same instant. */
  private <T> List<T> atOnce(IntFunction<Callable<T>> call) throws Exception {
    CyclicBarrier together = new CyclicBarrier(AT_ONCE);
    List<Future<T>> pending = new ArrayList<>();
    for (int i = 0; i < AT_ONCE; i++) {
      Callable<T> task = call.apply(i);
      pending.add(
          clients.submit(
              () -> {
                together.await(10, TimeUnit.SECONDS);
                return task.call();
              }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : pending) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    return results;
  }

  private HttpResponse<String> postJson(String path, IssuedApiKey key, String json)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", TestApiKeys.basic(key))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long usersWithEmail(String email) {
    return jdbc.sql("select count(*) from acc_user where email_key = :e")
        .param("e", email.toLowerCase(java.util.Locale.ROOT))
        .query(Long.class)
        .single();
  }

  private long accountsWithDomain(String domain) {
    return jdbc.sql("select count(*) from acc_account where domain = :d")
        .param("d", domain)
        .query(Long.class)
        .single();
  }
}
