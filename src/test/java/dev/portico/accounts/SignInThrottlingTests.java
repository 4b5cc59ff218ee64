package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in throttling over real HTTP: counted atomically (a burst of parallel guesses gets at most
 * the limit of password checks), per email × source address (a stranger cannot lock a user out from
 * elsewhere), with a per-email bound across addresses, and the same for unknown emails.
 */
@PorticoTest
class SignInThrottlingTests {

  @LocalServerPort int port;
  @Autowired TestAccounts fixtures;
  @Autowired AccountsSettings settings;

  @Test
  void burstOfParallelGuessesGetsAtMostTheLimitOfPasswordChecksAndTheLockHolds() throws Exception {
    Company acme = fixtures.company("Burst");
    User victim = fixtures.member(acme, Role.MEMBER, License.FULL);
    int guesses = 50;
    int right = 17;
    // Every guesser is a browser of its own with its CSRF token, ready before the burst starts.
    List<ConsoleClient> browsers = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < guesses; i++) {
      ConsoleClient browser = new ConsoleClient(port);
      tokens.add(ConsoleClient.csrfToken(browser.get("/login").body()));
      browsers.add(browser);
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(guesses);
    List<Future<String>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < guesses; i++) {
        ConsoleClient browser = browsers.get(i);
        String password = i == right ? TestAccounts.PASSWORD : "guess-" + i;
        String token = tokens.get(i);
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  HttpResponse<String> answer =
                      browser.post(
                          "/login",
                          Map.of("email", victim.email(), "password", password, "_csrf", token));
                  return ConsoleClient.location(answer).equals("/")
                      ? "signed in"
                      : LoginPage.error(browser.follow(answer).body());
                }));
      }
      start.countDown();
      int checked = 0;
      int locked = 0;
      for (Future<String> outcome : outcomes) {
        String result = outcome.get(120, TimeUnit.SECONDS);
        if (result.startsWith(LoginPage.LOCKED)) {
          locked++;
        } else {
          assertThat(result).isIn("signed in", LoginPage.WRONG_CREDENTIALS);
          checked++;
        }
      }
      assertThat(checked).as("password checks").isLessThanOrEqualTo(settings.loginMaxFailures());
      assertThat(locked).isGreaterThanOrEqualTo(guesses - settings.loginMaxFailures());
    } finally {
      pool.shutdownNow();
    }

    ConsoleClient owner = new ConsoleClient(port);
    HttpResponse<String> afterwards = owner.signIn(victim.email(), TestAccounts.PASSWORD);
    assertThat(ConsoleClient.location(afterwards)).isEqualTo("/login?error");
    assertThat(LoginPage.error(owner.follow(afterwards).body())).startsWith(LoginPage.LOCKED);
  }

  @Test
  void wrongPasswordsFromOneAddressLockThatAddressOnlyAndTheUserSignsInFromAnother() {
    Company acme = fixtures.company("Stranger");
    User victim = fixtures.member(acme, Role.MEMBER, License.FULL);
    ConsoleClient stranger = new ConsoleClient(port); // from 127.0.0.1
    for (int attempt = 1; attempt <= settings.loginMaxFailures(); attempt++) {
      HttpResponse<String> wrong = stranger.signIn(victim.email(), "wrong-" + attempt);
      assertThat(LoginPage.error(stranger.follow(wrong).body()))
          .isEqualTo(LoginPage.WRONG_CREDENTIALS);
    }
    HttpResponse<String> lockedOut = stranger.signIn(victim.email(), TestAccounts.PASSWORD);
    assertThat(LoginPage.error(stranger.follow(lockedOut).body())).startsWith(LoginPage.LOCKED);

    RawBrowser owner = new RawBrowser(port, "127.0.0.2");
    RawBrowser.Response signedIn = owner.signIn(victim.email(), TestAccounts.PASSWORD);
    assertThat(signedIn.location()).isEqualTo("/");
    assertThat(owner.get("/my/profile").status()).isEqualTo(200);
  }

  @Test
  void failuresSpreadOverManyAddressesLockTheEmailEverywhereAtThePerEmailLimit() {
    Company acme = fixtures.company("Distributed");
    User victim = fixtures.member(acme, Role.MEMBER, License.FULL);
    int perAddress = settings.loginMaxFailures();
    int perEmail = settings.loginMaxFailuresPerEmail();
    assertThat(perEmail).isGreaterThan(perAddress);
    int failures = 0;
    for (int address = 10; failures < perEmail; address++) {
      RawBrowser guesser = new RawBrowser(port, "127.0.0." + address);
      for (int i = 0; i < perAddress && failures < perEmail; i++, failures++) {
        RawBrowser.Response wrong = guesser.signIn(victim.email(), "guess-" + failures);
        assertThat(LoginPage.error(guesser.follow(wrong).body()))
            .as("failure %d is checked", failures + 1)
            .isEqualTo(LoginPage.WRONG_CREDENTIALS);
      }
    }

    RawBrowser fresh = new RawBrowser(port, "127.0.0.99");
    RawBrowser.Response refused = fresh.signIn(victim.email(), TestAccounts.PASSWORD);
    assertThat(refused.location()).isEqualTo("/login?error");
    assertThat(LoginPage.error(fresh.follow(refused).body())).startsWith(LoginPage.LOCKED);
  }

  @Test
  void unknownEmailIsThrottledExactlyLikeAKnownOne() {
    Company acme = fixtures.company("Unknown");
    String nobody = "nobody-" + acme.tag() + "@nowhere.test";
    ConsoleClient browser = new ConsoleClient(port);
    for (int attempt = 1; attempt <= settings.loginMaxFailures(); attempt++) {
      HttpResponse<String> wrong = browser.signIn(nobody, "guess-" + attempt);
      assertThat(LoginPage.error(browser.follow(wrong).body()))
          .isEqualTo(LoginPage.WRONG_CREDENTIALS);
    }
    HttpResponse<String> locked = browser.signIn(nobody, "guess-last");
    assertThat(LoginPage.error(browser.follow(locked).body())).startsWith(LoginPage.LOCKED);
  }
}
