package dev.portico.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.GroupDraft;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.GroupSummary;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAssignments;
import dev.portico.applications.ApplicationDirectory;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationSharing;
import dev.portico.support.EmbeddedPostgresSupport;
import dev.portico.system.Actor;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The seed's procedure in a real browser, as the demo admin Alice: Developer → OAuth applications →
 * Create new OAuth application → every field → the one-time secret → Details → regenerate with a
 * one-hour overlap → Applications → share with a team (its light member skipped, with a count) →
 * remove a user → Delete application. Screenshots of every step land in {@code
 * target/e2e/OAuthApplicationBrowserTests/}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "portico.demo=true")
@ContextConfiguration(initializers = EmbeddedPostgresSupport.Initializer.class)
class OAuthApplicationBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  @Autowired UserManagement users;
  @Autowired GroupManagement groups;
  @Autowired ApplicationManagement applications;
  @Autowired ApplicationDirectory directory;
  @Autowired ApplicationSharing sharing;
  @Autowired ApplicationAssignments assigned;

  @Test
  void adminRegistersRegeneratesSharesAndDeletesAnAppAsTheSeedDescribes() {
    User alice = users.userByEmail("alice@acme.test").orElseThrow();
    User bob = users.userByEmail("bob@acme.test").orElseThrow();
    User lena = users.userByEmail("lena@acme.test").orElseThrow();
    UUID acme = Objects.requireNonNull(alice.companyId());
    String tag = UUID.randomUUID().toString().substring(0, 8);
    UUID design =
        groups
            .create(
                Actor.SYSTEM,
                GroupKind.TEAM,
                acme,
                new GroupDraft("Design " + tag, Set.of(bob.id(), lena.id()), Set.of()))
            .id();
    UUID engineering =
        groups.choices(GroupKind.TEAM, acme, Set.of(), 50).stream()
            .filter(t -> t.name().equals("Engineering"))
            .map(GroupSummary::id)
            .findFirst()
            .orElseThrow();
    signInAsAlice();

    // "Click Developer in the left pane", then "the OAuth applications link on the Developer page"
    browser.click(By.cssSelector(".sidebar a[href='/accounts/" + acme + "/developer']"));
    browser.waitForText(By.tagName("h1"), "Developer");
    browser.step("developer-page");
    browser.click(
        By.cssSelector("main a[href='/accounts/" + acme + "/developer/oauth-applications']"));
    browser.waitForText(By.tagName("h1"), "OAuth applications");
    browser.step("oauth-applications");

    // "Click the Create new OAuth application button" and "Fill out the form"
    browser.click(By.linkText("Create new OAuth application"));
    browser.waitFor(By.id("primaryFormat"));
    String name = "Browser PLM " + tag;
    String format = "com.example.browser-" + tag;
    browser.type(By.id("name"), name);
    browser.type(By.id("primaryFormat"), format);
    browser.type(By.id("summary"), "Keeps part numbers in step with the PLM.");
    browser.type(
        By.id("redirectUrls"), "https://plm.example.com/oauth/callback\nhttp://localhost:8765/cb");
    browser.choose(By.id("type"), "INTEGRATED_CLOUD");
    browser.type(By.id("oauthUrl"), "https://plm.example.com/start");
    browser.click(By.id("supportsCollaboration"));
    browser.type(By.id("collaborators"), "bob@acme.test");
    browser.click(By.cssSelector("input[name='scopes'][value='OAuth2Read']"));
    browser.click(By.cssSelector("input[name='scopes'][value='OAuth2Write']"));
    browser.choose(By.id("adminTeamId"), engineering.toString());
    browser.step("registration-form");

    // "Click Create application" and "Copy the OAuth secret key from the window"
    browser.click(By.cssSelector("main form button[type=submit].primary"));
    browser.waitForText(
        By.cssSelector(".card.secret"), "You will not be able to access this secret key again");
    browser.step("one-time-secret");
    String clientId = copied("Copy the client id");
    String firstSecret = copied("Copy the client secret");
    assertThat(directory.verifyClientSecret(clientId, firstSecret)).isPresent();

    // "The app's OAuth application entry appears with the Details tab active"
    browser.click(By.partialLinkText("go to the app's Details"));
    browser.waitForText(By.cssSelector(".tabs a[aria-current='page']"), "Details");
    browser.waitForText(By.tagName("main"), clientId);
    assertThat(browser.pageSource()).doesNotContain(firstSecret);
    browser.step("details");
    Application app = directory.byClientId(clientId).orElseThrow();
    assertThat(app.primaryFormat()).isEqualTo(format);
    assertThat(app.redirectUrls()).hasSize(2);
    assertThat(app.collaborators()).containsExactly("bob@acme.test");
    assertThat(app.adminTeamId()).isEqualTo(engineering);

    // Keys and secret: regenerate, keeping the previous secret working for 1 hour
    browser.click(By.linkText("Keys and secret"));
    browser.waitFor(By.id("keepPreviousFor-PT1H"));
    browser.click(By.id("keepPreviousFor-PT1H"));
    browser.step("regenerate-form");
    browser.click(By.xpath("//button[normalize-space()='Regenerate secret']"));
    browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
    browser.waitForText(By.tagName("main"), "You will not be able to access this secret key again");
    browser.step("regenerated-secret");
    String secondSecret = copied("Copy the client secret");
    assertThat(secondSecret).isNotEqualTo(firstSecret);
    assertThat(directory.verifyClientSecret(clientId, secondSecret)).isPresent();
    assertThat(directory.verifyClientSecret(clientId, firstSecret)).isPresent();
    browser.click(By.linkText("I have stored the secret"));
    browser.waitForText(By.tagName("main"), "Previous secret works until");
    browser.step("overlap");

    // "click Applications in the left pane", "Select the application in the list"
    browser.click(
        By.cssSelector(".sidebar a[href='/accounts/" + acme + "/developer/applications']"));
    browser.waitForText(By.tagName("h1"), "Applications");
    browser.click(By.linkText(name));
    browser.waitForText(By.tagName("main"), "Add users or teams");
    // "The admin who created the app is automatically in the Users list"
    browser.waitForText(By.tagName("table"), "Alice Admin");
    browser.step("sharing");

    // "Begin typing the name … of a user, team, or alias", select it, "Click the Add button"
    browser.type(By.id("share-q"), "Design " + tag);
    // The search answers after a 250 ms pause in typing: tick the team in its answer, not in the
    // list it replaces (a box ticked while the request is in flight would come back unticked).
    browser.waitUntil(
        ExpectedConditions.not(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("share-choices"), "Engineering")));
    browser.settle();
    browser.click(By.id("choice-team-" + design));
    assertThat(browser.waitFor(By.id("choice-team-" + design)).isSelected()).isTrue();
    browser.step("team-chosen");
    browser.click(By.xpath("//button[normalize-space()='Add']"));
    browser.waitForText(By.cssSelector(".flash.ok"), "1 light member skipped");
    browser.waitForText(By.tagName("table"), "Design " + tag);
    browser.step("team-added");
    assertThat(assigned.mayUse(bob.id(), app.id())).isTrue();
    assertThat(assigned.mayUse(lena.id(), app.id())).isFalse();

    // "To remove a user … click its X icon in the Remove column"
    browser.click(By.cssSelector("button[aria-label='Remove user Alice Admin']"));
    browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
    browser.waitForText(By.cssSelector(".flash.ok"), "Removed user alice@acme.test");
    browser.step("user-removed");
    assertThat(browser.driver().findElement(By.tagName("table")).getText())
        .doesNotContain("Alice Admin");
    assertThat(assigned.mayUse(alice.id(), app.id())).isFalse();

    // Delete application, behind a confirmation that names what is lost
    browser.open("/developer/oauth-applications/" + app.id());
    browser.click(By.linkText("Delete application"));
    browser.waitForText(By.tagName("main"), clientId);
    browser.step("delete-confirmation");
    browser.click(By.cssSelector("main form button.danger"));
    browser.waitForText(By.cssSelector(".flash.ok"), "Deleted the OAuth application");
    browser.step("deleted");
    assertThat(applications.application(app.id())).isEmpty();
    assertThat(directory.verifyClientSecret(clientId, secondSecret)).isEmpty();
  }

  private static String copied(String label) {
    return browser
        .waitFor(By.cssSelector("button.copy[aria-label='" + label + "']"))
        .getAttribute("data-copy");
  }

  private void signInAsAlice() {
    browser.open("/login");
    browser.waitFor(By.id("email"));
    browser.type(By.id("email"), "alice@acme.test");
    browser.type(By.id("password"), "portico-demo");
    browser.click(By.cssSelector("button[type=submit]"));
    browser.waitUntil(ExpectedConditions.urlContains("/my/profile"));
    browser.step("signed-in");
  }
}
