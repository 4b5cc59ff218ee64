package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.REDIRECTS;
import static dev.portico.authserver.AuthServerFixtures.issue;
import static dev.portico.authserver.OAuthTestClient.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.OAuthTestClient.Tokens;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OAU-3 under concurrency: two requests sent at once with one refresh token, or one code, get one
 * token pair between them (the other {@code invalid_grant}), never two live ones.
 */
@PorticoTest
class RacingTokenRequestsTests {

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;

  OAuthTestClient client;
  IssuedApplication app;
  ConsoleClient browser;

  @BeforeEach
  void signIn() {
    client = new OAuthTestClient(port);
    TestAccounts.Company acme = fixtures.company("Racing");
    app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    browser = new ConsoleClient(port);
    browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);
  }

  private String code(IssuedApplication app) {
    return client.code(browser, app, REDIRECTS.get(0), "");
  }

  private Tokens tokens(IssuedApplication app) {
    return client.exchange(app, code(app), REDIRECTS.get(0), "");
  }

  @Test
  void twoRequestsRacingWithOneRefreshTokenGetOnePairBetweenThem() throws Exception {
    for (int round = 0; round < 4; round++) {
      Tokens tokens = tokens(app);
      List<HttpResponse<String>> answers = race(() -> client.refresh(app, tokens.refresh()));
      assertOnePairBetweenThem(app, answers);
    }
  }

  @Test
  void twoRequestsRacingWithOneCodeGetOnePairBetweenThem() throws Exception {
    for (int round = 0; round < 4; round++) {
      String code = code(app);
      List<HttpResponse<String>> answers =
          race(() -> client.exchangeAnswer(app, code, REDIRECTS.get(0), ""));
      assertOnePairBetweenThem(app, answers);
    }
  }

  /** Sends the request twice at once; answers both responses. */
  private static List<HttpResponse<String>> race(Supplier<HttpResponse<String>> request)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        futures.add(
            threads.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return request.get();
                }));
      }
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        answers.add(future.get(30, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      threads.shutdownNow();
    }
  }

  private void assertOnePairBetweenThem(IssuedApplication app, List<HttpResponse<String>> answers) {
    List<Tokens> issued = new ArrayList<>();
    for (HttpResponse<String> answer : answers) {
      if (answer.statusCode() == 200) {
        issued.add(OAuthTestClient.tokens(answer));
      } else {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(error(answer)).isEqualTo("invalid_grant");
      }
    }
    assertThat(issued).as("requests that got tokens").hasSize(1);
    long live =
        issued.stream()
            .filter(t -> client.active(app, t.access()) || client.active(app, t.refresh()))
            .count();
    assertThat(live).isLessThanOrEqualTo(1);
  }
}
