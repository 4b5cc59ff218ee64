package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A password change signs the user's other sessions out; the session that changed it stays. */
@PorticoTest
class PasswordChangeSessionsTests {

  @LocalServerPort int port;
  @Autowired TestAccounts fixtures;

  @Test
  void passwordChangeEndsOtherSessionsAndKeepsThisOneUnderANewId() {
    Company acme = fixtures.company("Rotate");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    ConsoleClient laptop = new ConsoleClient(port);
    ConsoleClient phone = new ConsoleClient(port);
    laptop.signIn(member.email(), TestAccounts.PASSWORD);
    phone.signIn(member.email(), TestAccounts.PASSWORD);
    assertThat(phone.get("/my/profile").statusCode()).isEqualTo(200);
    String before = laptop.sessionId().orElseThrow();

    HttpResponse<String> changed =
        laptop.submit(
            "/my/profile",
            "/my/profile/password",
            Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword", "a-brand-new-pass-1"));
    assertThat(ConsoleClient.location(changed)).isEqualTo("/my/profile");

    assertThat(laptop.sessionId().orElseThrow()).isNotEqualTo(before);
    assertThat(laptop.get("/my/profile").statusCode()).isEqualTo(200);
    assertThat(ConsoleClient.location(phone.get("/my/profile"))).startsWith("/login");
    assertThat(
            ConsoleClient.location(new ConsoleClient(port).getWithSession("/my/profile", before)))
        .startsWith("/login");
  }

  @Test
  void failedPasswordChangeLeavesOtherSessionsSignedIn() {
    Company acme = fixtures.company("NoRotate");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    ConsoleClient laptop = new ConsoleClient(port);
    ConsoleClient phone = new ConsoleClient(port);
    laptop.signIn(member.email(), TestAccounts.PASSWORD);
    phone.signIn(member.email(), TestAccounts.PASSWORD);

    HttpResponse<String> refused =
        laptop.submit(
            "/my/profile",
            "/my/profile/password",
            Map.of("currentPassword", "not-my-password", "newPassword", "a-brand-new-pass-1"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(phone.get("/my/profile").statusCode()).isEqualTo(200);
  }
}
