package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code X-Forwarded-*} headers are honoured only from configured proxies (none by default), so a
 * client on 127.0.0.1 — a private address — cannot forge its address or the host of a redirect;
 * redirects are relative.
 */
@PorticoTest
class ForwardedHeadersTests {

  @LocalServerPort int port;
  @Autowired TestAccounts fixtures;
  @Autowired AccountsSettings settings;
  @Autowired JdbcClient jdbc;

  @Test
  void forgedForwardedHostNeverAppearsInLocation() {
    Company acme = fixtures.company("ForgedHost");
    RawBrowser browser =
        new RawBrowser(port, "127.0.0.1")
            .header("X-Forwarded-Host", "evil.test")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Port", "443");

    RawBrowser.Response toLogin = browser.get("/my/profile");
    assertThat(toLogin.location()).isEqualTo("/login?continue=%2Fmy%2Fprofile");

    RawBrowser.Response failed = browser.signIn(acme.admin().email(), "wrong-password");
    assertThat(failed.location()).isEqualTo("/login?error");

    RawBrowser.Response signedIn = browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);
    assertThat(signedIn.location()).isEqualTo("/");
    assertThat(browser.get("/").location()).isEqualTo("/my/profile");
  }

  @Test
  void forgedHostHeaderNeverAppearsInLocation() {
    RawBrowser browser = new RawBrowser(port, "127.0.0.1").host("evil.test");
    assertThat(browser.get("/my/profile").location()).startsWith("/login");
  }

  @Test
  void forgedForwardedForIsNotTheSourceAddressOfSignInThrottling() {
    Company acme = fixtures.company("ForgedFor");
    User victim = fixtures.member(acme, Role.MEMBER, License.FULL);
    for (int attempt = 1; attempt <= settings.loginMaxFailures(); attempt++) {
      RawBrowser guesser =
          new RawBrowser(port, "127.0.0.1").header("X-Forwarded-For", "203.0.113." + attempt);
      guesser.signIn(victim.email(), "guess-" + attempt);
    }
    RawBrowser fresh = new RawBrowser(port, "127.0.0.1").header("X-Forwarded-For", "203.0.113.200");
    RawBrowser.Response refused = fresh.signIn(victim.email(), TestAccounts.PASSWORD);
    assertThat(LoginPage.error(fresh.follow(refused).body())).startsWith(LoginPage.LOCKED);
  }

  @Test
  void forgedForwardedForIsNotTheAuditedSourceAddress() {
    Company acme = fixtures.company("ForgedAudit");
    RawBrowser browser = new RawBrowser(port, "127.0.0.1").header("X-Forwarded-For", "203.0.113.7");
    assertThat(browser.signIn(acme.admin().email(), TestAccounts.PASSWORD).location())
        .isEqualTo("/");
    RawBrowser.Response saved =
        browser.submit("/my/profile", "/my/profile", Map.of("name", "Audited " + acme.tag()));
    assertThat(saved.location()).isEqualTo("/my/profile");

    String audited =
        jdbc.sql(
                "select source_ip from aud_entry where actor_user_id = :user"
                    + " order by occurred_at desc limit 1")
            .param("user", acme.admin().id())
            .query(String.class)
            .single();
    assertThat(audited).isEqualTo("127.0.0.1");
  }
}
