package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's security over real HTTP, as a browser meets it: headers, CSRF, session fixation,
 * login throttling, suspension, and messages that do not tell which emails exist or whether a
 * suspended user's password is right. More in {@link SignInThrottlingTests}, {@link
 * AnonymousSessionTests}, {@link ForwardedHeadersTests}, {@link PasswordChangeSessionsTests} and
 * {@link EnterpriseStackSignInTests}.
 */
@PorticoTest
class ConsoleSecurityTests {

  private static final Pattern LOGIN_ERROR =
      Pattern.compile("<div class=\"flash error\" role=\"alert\">([^<]*)</div>");

  @LocalServerPort int port;
  @Autowired TestAccounts fixtures;
  @Autowired UserManagement userManagement;

  @Test
  void consolePagesForbidFramingAndInlineScripts() {
    Company acme = fixtures.company("Headers");
    ConsoleClient browser = new ConsoleClient(port);
    HttpResponse<String> login = browser.get("/login");
    browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);
    HttpResponse<String> console = browser.get("/my/profile");
    assertThat(console.statusCode()).isEqualTo(200);

    for (HttpResponse<String> page : List.of(login, console)) {
      String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp)
          .as("CSP of %s", page.uri())
          .contains("frame-ancestors 'none'", "script-src 'self'", "object-src 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval");
      assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
      assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }
  }

  @Test
  void consolePagesHaveNoInlineScriptsOrStyles() {
    Company acme = fixtures.company("Inline");
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);
    for (String path : List.of("/login", "/my/profile", "/accounts/" + acme.id() + "/users/new")) {
      String html = browser.get(path).body();
      assertThat(html).as(path).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
      assertThat(html).as(path).doesNotContain(" style=\"", " onclick=", " onsubmit=");
    }
  }

  @Test
  void postWithoutCsrfTokenIsRefused() {
    Company acme = fixtures.company("Csrf");
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);

    HttpResponse<String> forged = browser.post("/my/profile", Map.of("name", "Forged Name"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(userManagement.user(acme.admin().id()).orElseThrow().name())
        .isEqualTo(acme.admin().name());

    HttpResponse<String> honest =
        browser.submit("/my/profile", "/my/profile", Map.of("name", "Honest Name"));
    assertThat(ConsoleClient.location(honest)).isEqualTo("/my/profile");
    assertThat(userManagement.user(acme.admin().id()).orElseThrow().name())
        .isEqualTo("Honest Name");
  }

  @Test
  void signInWithoutCsrfTokenIsRefused() {
    Company acme = fixtures.company("CsrfLogin");
    ConsoleClient browser = new ConsoleClient(port);
    browser.get("/login");
    HttpResponse<String> forged =
        browser.post(
            "/login", Map.of("email", acme.admin().email(), "password", TestAccounts.PASSWORD));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(browser.get("/my/profile").statusCode()).isEqualTo(302);
  }

  @Test
  void signInWhenSessionExistsThenSessionIdChanges() {
    Company acme = fixtures.company("Fixation");
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);
    String before = browser.sessionId().orElseThrow();

    HttpResponse<String> signedIn = browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);
    assertThat(ConsoleClient.location(signedIn)).isEqualTo("/");
    String after = browser.sessionId().orElseThrow();
    assertThat(after).isNotEqualTo(before);
    assertThat(browser.get("/my/profile").statusCode()).isEqualTo(200);

    // Whoever held the old id is not signed in with it.
    ConsoleClient attacker = new ConsoleClient(port);
    HttpResponse<String> planted = attacker.getWithSession("/my/profile", before);
    assertThat(ConsoleClient.location(planted)).startsWith("/login");
  }

  @Test
  void sixthAttemptAfterFiveWrongPasswordsIsLockedEvenWithTheRightPassword() {
    Company acme = fixtures.company("Throttle");
    User victim = fixtures.member(acme, Role.MEMBER, License.FULL);
    ConsoleClient attacker = new ConsoleClient(port);
    for (int attempt = 1; attempt <= 5; attempt++) {
      HttpResponse<String> wrong = attacker.signIn(victim.email(), "wrong-password-" + attempt);
      assertThat(ConsoleClient.location(wrong)).isEqualTo("/login?error");
      assertThat(loginError(attacker.follow(wrong))).isEqualTo("Wrong email or password.");
    }

    ConsoleClient owner = new ConsoleClient(port); // from the same address
    HttpResponse<String> locked = owner.signIn(victim.email(), TestAccounts.PASSWORD);
    assertThat(ConsoleClient.location(locked)).isEqualTo("/login?error");
    assertThat(loginError(owner.follow(locked)))
        .startsWith("Too many failed sign-ins. Try again in");
    assertThat(owner.get("/my/profile").statusCode()).isEqualTo(302);

    ConsoleClient colleague = new ConsoleClient(port);
    HttpResponse<String> unaffected = colleague.signIn(acme.admin().email(), TestAccounts.PASSWORD);
    assertThat(ConsoleClient.location(unaffected)).isEqualTo("/");
  }

  @Test
  void fewerThanFiveWrongPasswordsThenRightPasswordSignsIn() {
    Company acme = fixtures.company("Forgetful");
    ConsoleClient browser = new ConsoleClient(port);
    for (int attempt = 1; attempt <= 4; attempt++) {
      browser.signIn(acme.admin().email(), "typo-" + attempt);
    }
    HttpResponse<String> signedIn = browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);
    assertThat(ConsoleClient.location(signedIn)).isEqualTo("/");
  }

  @Test
  void suspendedUserWithTheRightPasswordGetsTheAnswerOfAWrongPassword() {
    Company acme = fixtures.company("Suspended");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    suspend(acme, member);

    ConsoleClient browser = new ConsoleClient(port);
    HttpResponse<String> right = browser.signIn(member.email(), TestAccounts.PASSWORD);
    String rightMessage = loginError(browser.follow(right));
    HttpResponse<String> wrong = browser.signIn(member.email(), "not-the-password");
    String wrongMessage = loginError(browser.follow(wrong));

    assertThat(ConsoleClient.location(right))
        .isEqualTo(ConsoleClient.location(wrong))
        .isEqualTo("/login?error");
    assertThat(rightMessage).isEqualTo(wrongMessage).isEqualTo("Wrong email or password.");
    assertThat(browser.get("/my/profile").statusCode()).isEqualTo(302);
  }

  @Test
  void openSessionOfSuspendedUserEndsOnNextRequest() {
    Company acme = fixtures.company("Session");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(member.email(), TestAccounts.PASSWORD);
    assertThat(browser.get("/my/profile").statusCode()).isEqualTo(200);

    suspend(acme, member);

    HttpResponse<String> ended = browser.get("/my/profile");
    assertThat(ConsoleClient.location(ended)).isEqualTo("/login?suspended");
    assertThat(browser.follow(ended).body()).contains("this user is suspended");
    assertThat(ConsoleClient.location(browser.get("/my/profile")))
        .isEqualTo("/login?continue=%2Fmy%2Fprofile");
  }

  @Test
  void unknownEmailAndWrongPasswordGiveTheSameMessage() {
    Company acme = fixtures.company("Enumeration");
    ConsoleClient browser = new ConsoleClient(port);

    HttpResponse<String> unknown = browser.signIn("nobody-" + acme.tag() + "@nowhere.test", "x");
    String unknownMessage = loginError(browser.follow(unknown));
    HttpResponse<String> wrong = browser.signIn(acme.admin().email(), "not-the-password");
    String wrongMessage = loginError(browser.follow(wrong));

    assertThat(ConsoleClient.location(unknown)).isEqualTo(ConsoleClient.location(wrong));
    assertThat(unknownMessage).isEqualTo(wrongMessage).isEqualTo("Wrong email or password.");
  }

  private void suspend(Company company, User user) {
    userManagement.changeUser(
        Actor.SYSTEM, company.id(), user.id(), new UserChanges(null, null, UserState.SUSPENDED));
  }

  private static String loginError(HttpResponse<String> loginPage) {
    Matcher m = LOGIN_ERROR.matcher(loginPage.body());
    assertThat(m.find()).as("an error on the sign-in page").isTrue();
    return m.group(1).trim();
  }
}
