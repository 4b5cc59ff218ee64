package dev.portico.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.Group;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.support.EmbeddedPostgresSupport;
import dev.portico.system.ResultPage;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Company settings in a real browser, as the demo admin Alice: sign in through the form, add a
 * user, create a team. Screenshots of every step land in {@code target/e2e/ConsoleBrowserTests/}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "portico.demo=true")
@ContextConfiguration(initializers = EmbeddedPostgresSupport.Initializer.class)
class ConsoleBrowserTests {

  private static final ResultPage.Request ALL =
      new ResultPage.Request(0, ResultPage.Request.MAX_SIZE);

  @RegisterExtension static final Browser browser = new Browser();

  @Autowired UserManagement userManagement;
  @Autowired GroupManagement groupManagement;

  @Test
  void adminAddsUserThroughCompanySettings() {
    signInAsAlice();

    browser.click(By.linkText("Users"));
    browser.waitForText(By.tagName("h1"), "Users");
    browser.waitForText(By.tagName("table"), "bob@acme.test");
    browser.step("users");

    browser.click(By.cssSelector("a.button.primary[href$='/users/new']"));
    browser.waitForText(By.tagName("h1"), "Add user");
    String email = "carol-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
    browser.type(By.id("email"), email);
    browser.type(By.id("name"), "Carol Browser");
    browser.choose(By.id("role"), "MEMBER");
    browser.choose(By.id("license"), "LIGHT");
    browser.step("add-user-form");

    browser.click(By.cssSelector("main form button[type=submit].primary"));
    browser.waitForText(By.cssSelector(".flash.ok"), "Added " + email + ".");
    browser.waitForText(By.tagName("table"), email);
    browser.step("user-added");

    assertThat(browser.path()).matches("/accounts/[0-9a-f-]{36}/users");
    User carol = userManagement.userByEmail(email).orElseThrow();
    assertThat(carol.name()).isEqualTo("Carol Browser");
    assertThat(carol.companyId()).isEqualTo(acme());
  }

  /** Company settings → Teams → New team, with a member ticked, then the team is listed. */
  @Test
  void adminCreatesTeamThroughCompanySettings() {
    User bob = userManagement.userByEmail("bob@acme.test").orElseThrow();
    signInAsAlice();

    browser.click(By.linkText("Teams"));
    browser.waitUntil(ExpectedConditions.urlMatches("/accounts/[0-9a-f-]{36}/teams$"));
    browser.waitForText(By.tagName("main"), "Engineering");
    browser.step("teams");

    browser.click(By.cssSelector("main a[href$='/teams/new']"));
    browser.waitFor(By.name("name"));
    String name = "Browser Team " + UUID.randomUUID().toString().substring(0, 8);
    browser.type(By.name("name"), name);
    browser.click(By.cssSelector("input[name='memberIds'][value='" + bob.id() + "']"));
    browser.step("team-form");

    browser.click(By.cssSelector("main form button[type=submit]"));
    browser.waitForText(By.tagName("main"), name);
    browser.step("team-created");

    browser.click(By.linkText("Teams"));
    browser.waitForText(By.tagName("main"), name);
    browser.step("teams-with-new-team");

    Group team =
        groupManagement.groups(GroupKind.TEAM, acme(), ALL).items().stream()
            .filter(t -> t.name().equals(name))
            .findFirst()
            .orElseThrow();
    assertThat(team.memberIds()).containsExactly(bob.id());
  }

  private void signInAsAlice() {
    browser.open("/login");
    browser.waitFor(By.id("email"));
    browser.step("login");
    browser.type(By.id("email"), "alice@acme.test");
    browser.type(By.id("password"), "portico-demo");
    browser.click(By.cssSelector("button[type=submit]"));
    browser.waitUntil(ExpectedConditions.urlContains("/my/profile"));
    browser.waitFor(By.cssSelector(".sidebar a[href$='/users']"));
    browser.step("signed-in");
  }

  private UUID acme() {
    UUID company = userManagement.userByEmail("alice@acme.test").orElseThrow().companyId();
    assertThat(company).isNotNull();
    return company;
  }
}
