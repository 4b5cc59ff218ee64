package dev.portico.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.OAuthFlow;
import dev.portico.notifications.SmtpPorticoTest;
import dev.portico.notifications.TestSmtp;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.usage.internal.UsageFlushes;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transfer to another company in a real browser (OWN-1..4, issue 11): an app of Acme, already used
 * with a Bearer token, is transferred to Globex from its Details tab. A user administers one
 * company only (TEN-6), so Acme's admin is offered no other company, and the transfer to Globex is
 * done by the operator (OWN-1: "any for the operator"), who sees what changes before confirming.
 * Then the app has left Acme's list, Globex's other admin finds it in Globex's, every admin of
 * Globex (and no member) is emailed over real SMTP, and the token's next call is charged to Globex
 * while the earlier one stays with Acme, read from the usage tables after a flush. Screenshots land
 * in {@code target/e2e/OwnershipTransferBrowserTests/}.
 */
@SmtpPorticoTest
class OwnershipTransferBrowserTests {

  private static final String SESSION_INFO = "/api/users/sessioninfo";

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired TestAccounts accounts;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  @Test
  void anAppTransferredToAnotherCompanyMovesListsEmailsItsAdminsAndChargesItLaterCalls() {
    Company acme = accounts.company("Acme");
    Company globex = accounts.company("Globex");
    User globexAdmin = accounts.member(globex, Role.ADMIN, License.FULL);
    User globexMember = accounts.member(globex, Role.MEMBER, License.FULL);
    User operator = accounts.operator();
    User endUser = accounts.individual();
    String name = "Quote Sync " + UUID.randomUUID().toString().substring(0, 8);
    IssuedApplication issued =
        OAuthFlow.register(management, acme, name, "https://plm.example.com/start");
    Application app = issued.application();
    OAuthFlow flow = new OAuthFlow(port);
    String token = flow.authorize(issued, endUser, Set.of(Scope.OAuth2Read)).access();
    assertThat(flow.get(SESSION_INFO, token).statusCode()).isEqualTo(200);
    assertThat(UsageFlushes.flush(context)).isTrue();
    assertThat(calls(acme.id(), app.id())).isEqualTo(1);
    String acmeList = "/accounts/" + acme.id() + "/developer/oauth-applications";
    String globexList = "/accounts/" + globex.id() + "/developer/oauth-applications";

    // Acme's admin: the app is in Acme's list; Transfer ownership offers no other company.
    signIn(acme.admin());
    browser.open(acmeList);
    browser.waitForText(By.tagName("main"), name);
    browser.step("acme-list-before");
    browser.click(By.linkText(name));
    browser.waitForText(By.cssSelector(".tabs a[aria-current='page']"), "Details");
    browser.click(By.linkText("Transfer ownership"));
    browser.waitForText(
        By.tagName("main"), "No company or enterprise you administer can receive it");
    assertThat(browser.driver().findElements(By.cssSelector("#companies a"))).isEmpty();
    browser.step("acme-admin-offered-no-other-company");
    signOut();

    // The operator: Details → Transfer ownership → Globex → the confirmation → Transfer.
    signIn(operator);
    browser.open(acmeList);
    browser.click(By.linkText(name));
    browser.waitForText(By.cssSelector(".tabs a[aria-current='page']"), "Details");
    browser.step("details-tab");
    browser.click(By.linkText("Transfer ownership"));
    browser.type(By.id("cq"), globex.account().name());
    browser.click(By.xpath("//button[normalize-space()='Search companies']"));
    browser.click(By.linkText(globex.account().name()));
    browser.waitForText(By.id("confirm-title"), globex.account().name());
    String effects = browser.waitFor(By.id("transfer-effects")).getText();
    assertThat(effects)
        .contains(globex.account().name() + " will own it and see it in their list")
        .contains("it leaves " + acme.account().name() + "'s list")
        .contains("count toward " + globex.account().name() + "'s allocation from now on")
        .contains("past usage stays with " + acme.account().name())
        .contains(app.clientId());
    browser.step("confirmation");
    browser.click(
        By.xpath("//button[normalize-space()='Transfer to " + globex.account().name() + "']"));
    browser.waitForText(By.cssSelector(".flash.ok"), "Transferred the OAuth application");
    browser.step("transferred");
    signOut();

    // Acme's admin: gone from Acme's list.
    signIn(acme.admin());
    browser.open(acmeList);
    browser.waitFor(By.cssSelector("main h1"));
    assertThat(browser.waitFor(By.tagName("main")).getText()).doesNotContain(name);
    browser.step("acme-list-after");
    signOut();

    // Globex's other admin: in Globex's list, through the navigation.
    signIn(globexAdmin);
    browser.click(By.cssSelector(".sidebar a[href='/accounts/" + globex.id() + "/developer']"));
    browser.click(By.cssSelector("main a[href='" + globexList + "']"));
    browser.waitForText(By.tagName("main"), name);
    browser.step("globex-list");

    // Every admin of Globex is emailed, once; its member and Acme's admin are not.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                TestSmtp.messagesTo(globex.admin().email()).size() == 1
                    && TestSmtp.messagesTo(globexAdmin.email()).size() == 1);
    assertThat(TestSmtp.messagesTo(globexMember.email())).isEmpty();
    assertThat(TestSmtp.messagesTo(acme.admin().email())).isEmpty();

    // The token issued before the transfer still works; its next call is charged to Globex.
    assertThat(flow.get(SESSION_INFO, token).statusCode()).isEqualTo(200);
    assertThat(UsageFlushes.flush(context)).isTrue();
    assertThat(calls(globex.id(), app.id())).isEqualTo(1);
    assertThat(calls(acme.id(), app.id())).isEqualTo(1);
    assertThat(periodCalls(globex.id())).isEqualTo(1);
    assertThat(periodCalls(acme.id())).isEqualTo(1);
  }

  /** The app's calls charged to the account, from {@code use_counter}. */
  private long calls(UUID accountId, UUID appId) {
    return jdbc.sql(
            "select coalesce(sum(calls), 0) from use_counter"
                + " where account_id = :a and application_id = :app")
        .param("a", accountId)
        .param("app", appId)
        .query(Long.class)
        .single();
  }

  /** The account's period total, from {@code use_period_total}. */
  private long periodCalls(UUID accountId) {
    return jdbc.sql(
            "select coalesce(sum(calls), 0) from use_period_total"
                + " where account_id = :a and dimension = 'all' and dim_key = ''")
        .param("a", accountId)
        .query(Long.class)
        .single();
  }

  private void signIn(User user) {
    browser.open("/login");
    browser.type(By.id("email"), user.email());
    browser.type(By.id("password"), TestAccounts.PASSWORD);
    browser.click(By.cssSelector("button[type=submit]"));
    browser.waitUntil(ExpectedConditions.urlContains("/my/profile"));
  }

  private void signOut() {
    browser.click(By.xpath("//button[normalize-space()='Sign out']"));
    browser.waitUntil(ExpectedConditions.urlContains("/login"));
  }
}
