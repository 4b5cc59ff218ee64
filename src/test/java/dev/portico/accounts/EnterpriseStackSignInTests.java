package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * TEN-4 as amended: on an enterprise's stack ({@code Host} = its domain) only its members and the
 * operator sign in to the console; anyone else gets exactly the answer of wrong credentials, and it
 * counts as a failed attempt.
 */
@PorticoTest
class EnterpriseStackSignInTests {

  @LocalServerPort int port;
  @Autowired TestAccounts fixtures;
  @Autowired JdbcClient jdbc;

  @Test
  void adminOfAnotherCompanyIsRefusedOnAnEnterpriseStackLikeAWrongPassword() {
    Company acme = fixtures.enterprise("Acme");
    Company globex = fixtures.company("Globex");
    RawBrowser onAcme = onStackOf(acme);

    RawBrowser.Response refused = onAcme.signIn(globex.admin().email(), TestAccounts.PASSWORD);
    String refusedPage = onAcme.follow(refused).body();
    RawBrowser.Response wrong = onAcme.signIn(globex.admin().email(), "not-the-password");
    String wrongPage = onAcme.follow(wrong).body();
    assertThat(refused.location()).isEqualTo(wrong.location()).isEqualTo("/login?error");
    assertThat(LoginPage.error(refusedPage))
        .isEqualTo(LoginPage.error(wrongPage))
        .isEqualTo(LoginPage.WRONG_CREDENTIALS);
    assertThat(refusedPage).contains("value=\"" + globex.admin().email() + "\"");
    assertThat(onAcme.get("/my/profile").location()).startsWith("/login");
    assertThat(failedAttempts(globex.admin().email())).isEqualTo(2);

    RawBrowser onPublic = new RawBrowser(port, "127.0.0.1");
    assertThat(onPublic.signIn(globex.admin().email(), TestAccounts.PASSWORD).location())
        .isEqualTo("/");
  }

  @Test
  void individualIsRefusedOnAnEnterpriseStack() {
    Company acme = fixtures.enterprise("Acme");
    User solo = fixtures.individual();
    RawBrowser onAcme = onStackOf(acme);
    RawBrowser.Response refused = onAcme.signIn(solo.email(), TestAccounts.PASSWORD);
    assertThat(LoginPage.error(onAcme.follow(refused).body()))
        .isEqualTo(LoginPage.WRONG_CREDENTIALS);
  }

  @Test
  void memberOfTheEnterpriseAndTheOperatorSignInOnItsStack() {
    Company acme = fixtures.enterprise("Acme");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    User operator = fixtures.operator();
    for (User user : new User[] {acme.admin(), member, operator}) {
      RawBrowser onAcme = onStackOf(acme);
      assertThat(onAcme.signIn(user.email(), TestAccounts.PASSWORD).location())
          .as(user.email())
          .isEqualTo("/");
      assertThat(onAcme.get("/my/profile").status()).isEqualTo(200);
    }
  }

  private RawBrowser onStackOf(Company enterprise) {
    String domain = Objects.requireNonNull(enterprise.account().domain());
    return new RawBrowser(port, "127.0.0.1").host(domain + ":" + port);
  }

  private int failedAttempts(String email) {
    return jdbc.sql(
            "select attempts from acc_login_throttle where email_key = :key and source = '127.0.0.1'")
        .param("key", email.toLowerCase())
        .query(Integer.class)
        .single();
  }
}
