package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Anonymous console requests create no database session (no saved request, CSRF token in a cookie,
 * the failed sign-in's message in a short-lived cookie); sign-in still works, continues to the page
 * asked for (relative, same site only), and CSRF is still enforced.
 */
@PorticoTest
// A context of its own: MockMvc tests that sign in with spring-security-test's post-processors
// swap a test SecurityContextRepository into the shared context's filter chain, which creates
// sessions the production chain never creates; this class measures exactly that.
@TestPropertySource(properties = "portico.test.context=anonymous-sessions")
class AnonymousSessionTests {

  @LocalServerPort int port;
  @Autowired TestAccounts fixtures;
  @Autowired JdbcClient jdbc;

  @Test
  void anonymousRequestsCreateNoSessionRow() {
    long start = System.currentTimeMillis();
    List<String> paths =
        List.of(
            "/", "/users", "/login", "/my/profile", "/accounts/" + UUID.randomUUID() + "/users");
    for (int i = 0; i < 40; i++) {
      ConsoleClient anonymous = new ConsoleClient(port);
      for (String path : paths) {
        HttpResponse<String> answer = anonymous.get(path);
        assertThat(answer.headers().allValues("Set-Cookie"))
            .as("Set-Cookie of %s", path)
            .noneMatch(c -> c.startsWith(ConsoleClient.SESSION_COOKIE + "="));
      }
      assertThat(anonymous.sessionId()).isEmpty();
    }
    assertThat(sessionsCreatedSince(start)).isZero();
  }

  @Test
  void failedSignInCreatesNoSessionAndKeepsTheTypedEmailOnce() {
    long start = System.currentTimeMillis();
    ConsoleClient browser = new ConsoleClient(port);
    String typed = "Nobody-" + UUID.randomUUID() + "@Nowhere.test";
    HttpResponse<String> refused = browser.signIn(typed, "wrong-password");
    assertThat(ConsoleClient.location(refused)).isEqualTo("/login?error");
    String page = browser.follow(refused).body();
    assertThat(LoginPage.error(page)).isEqualTo(LoginPage.WRONG_CREDENTIALS);
    assertThat(page).contains("value=\"" + typed + "\"");
    assertThat(browser.get("/login").body()).doesNotContain(typed); // read once
    assertThat(browser.sessionId()).isEmpty();
    assertThat(sessionsCreatedSince(start)).isZero();
  }

  @Test
  void signInCreatesTheSessionWithTheSignedInLifetimeAndContinuesToTheAskedPage() {
    Company acme = fixtures.company("Continue");
    ConsoleClient browser = new ConsoleClient(port);
    String users = "/accounts/" + acme.id() + "/users?sort=email";
    HttpResponse<String> toLogin = browser.get(users);
    String login = ConsoleClient.location(toLogin);
    assertThat(login)
        .isEqualTo("/login?continue=%2Faccounts%2F" + acme.id() + "%2Fusers%3Fsort%3Demail");
    assertThat(browser.follow(toLogin).body())
        .contains("name=\"continue\"", "value=\"" + users + "\"");

    HttpResponse<String> signedIn =
        browser.submit(
            login,
            "/login",
            Map.of(
                "email",
                acme.admin().email(),
                "password",
                TestAccounts.PASSWORD,
                "continue",
                users));
    assertThat(signedIn.headers().firstValue("Location")).hasValue(users);
    assertThat(browser.get(users).statusCode()).isEqualTo(200);
    int lifetime =
        jdbc.sql("select max_inactive_interval from spring_session where session_id = :id")
            .param("id", storedSessionId(browser.sessionId().orElseThrow()))
            .query(Integer.class)
            .single();
    assertThat(lifetime).isEqualTo(8 * 3600);
  }

  @Test
  void continueToAnotherSiteOrToAnythingButARelativePathGoesHome() {
    Company acme = fixtures.company("OpenRedirect");
    for (String target :
        List.of(
            "//evil.test/x",
            "https://evil.test/",
            "/\\evil.test",
            "\\\\evil.test",
            "/ok\r\nSet-Cookie: x=y",
            "evil.test",
            "/login?error")) {
      ConsoleClient browser = new ConsoleClient(port);
      HttpResponse<String> signedIn =
          browser.submit(
              "/login",
              "/login",
              Map.of(
                  "email",
                  acme.admin().email(),
                  "password",
                  TestAccounts.PASSWORD,
                  "continue",
                  target));
      assertThat(signedIn.headers().firstValue("Location")).as(target).hasValue("/");
    }
  }

  @Test
  void formsStillNeedTheirCsrfTokenCookieAndField() {
    Company acme = fixtures.company("CsrfCookie");
    ConsoleClient browser = new ConsoleClient(port);
    String token = ConsoleClient.csrfToken(browser.get("/login").body());
    HttpResponse<String> noField =
        browser.post("/login", Map.of("email", acme.admin().email(), "password", "x"));
    assertThat(noField.statusCode()).isEqualTo(403);

    ConsoleClient otherBrowser = new ConsoleClient(port); // the field without its cookie
    HttpResponse<String> noCookie =
        otherBrowser.post(
            "/login",
            Map.of(
                "email", acme.admin().email(), "password", TestAccounts.PASSWORD, "_csrf", token));
    assertThat(noCookie.statusCode()).isEqualTo(403);
    assertThat(otherBrowser.sessionId()).isEmpty();

    browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);
    assertThat(browser.post("/my/profile", Map.of("name", "Forged")).statusCode()).isEqualTo(403);
    assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(403);
  }

  /** Spring Session's cookie holds the id in Base64. */
  private static String storedSessionId(String cookie) {
    return new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
  }

  private long sessionsCreatedSince(long millis) {
    return jdbc.sql("select count(*) from spring_session where creation_time >= :since")
        .param("since", millis)
        .query(Long.class)
        .single();
  }
}
