package dev.portico.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.notifications.SmtpPorticoTest;
import dev.portico.notifications.TestSmtp;
import dev.portico.store.LaunchChecklist;
import dev.portico.store.LaunchFixtures;
import dev.portico.store.ManualChecklistItem;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A store entry from creation to the store, in a real browser (STO-1..4, issue 11): an admin
 * creates the entry from the app's Details tab (name and summary prefilled, an image uploaded),
 * sees the launch checklist with beta testers and the manual items open and Request publication
 * disabled, ticks the manual items; five members of the company subscribe as beta testers; the
 * admin requests publication; the operator approves it from Operator → Store review (the owner's
 * admins are emailed over real SMTP); a user of another company then finds the entry on the Store
 * page, opens it and subscribes. Screenshots land in {@code target/e2e/StoreLaunchBrowserTests/}.
 */
@SmtpPorticoTest
class StoreLaunchBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  @Autowired TestAccounts accounts;
  @Autowired LaunchFixtures launches;

  @Test
  void anEntryGoesFromTheDetailsTabThroughTheChecklistAndReviewIntoAnotherCompanysStore()
      throws IOException {
    Company acme = accounts.company("Acme");
    Application app = launches.app(acme.admin(), acme.id());
    List<User> testers = new ArrayList<>();
    for (int i = 0; i < LaunchChecklist.BETA_TESTERS; i++) {
      testers.add(accounts.member(acme, Role.MEMBER, License.FULL));
    }
    User operator = accounts.operator();
    Company globex = accounts.company("Globex");
    User globexUser = accounts.member(globex, Role.MEMBER, License.FULL);

    // The admin: Details → Create store entry, name and summary prefilled from the app.
    signIn(acme.admin());
    browser.open("/developer/oauth-applications/" + app.id());
    browser.waitForText(By.cssSelector(".tabs a[aria-current='page']"), "Details");
    browser.click(By.linkText("Create store entry"));
    assertThat(browser.waitFor(By.id("name")).getAttribute("value")).isEqualTo(app.name());
    assertThat(browser.waitFor(By.id("summary")).getAttribute("value")).isEqualTo(app.summary());
    browser.choose(By.id("category"), "CAM");
    browser.click(By.id("teamVisibility-all"));
    browser.type(By.id("description"), "Shows **parts lists** beside the model.");
    browser.type(By.id("supportUrl"), "https://app.example.com/support");
    browser.type(By.id("supportEmail"), "support@app.example.com");
    browser.type(By.id("vendor"), "Acme Tools");
    browser.type(By.id("version"), "1.0");
    browser.waitFor(By.id("images")).sendKeys(png().toString());
    browser.step("entry-form");
    browser.click(By.xpath("//button[normalize-space()='Create store entry']"));

    // The entry's page: the checklist, beta testers and manual items open, no request yet.
    browser.waitForText(By.id("launch-title"), "Launch checklist");
    assertThat(itemState("beta-testers")).isEqualTo("open");
    assertThat(itemState("oauth-url")).isEqualTo("done");
    assertThat(itemState("description-images")).isEqualTo("done");
    assertThat(requestButton().isEnabled()).isFalse();
    browser.step("checklist-open");
    String entryPath = browser.path();
    for (ManualChecklistItem item : ManualChecklistItem.values()) {
      browser.click(By.cssSelector("#item-" + item.key() + " button[aria-label^='Tick as done']"));
      browser.waitUntil(
          ExpectedConditions.attributeToBe(By.id("item-" + item.key()), "class", "done"));
    }
    browser.step("manual-items-ticked");
    signOut();

    // Five members of Acme subscribe: the beta testers.
    for (User tester : testers) {
      signIn(tester);
      browser.open(entryPath);
      browser.click(By.xpath("//button[normalize-space()='Subscribe']"));
      browser.waitFor(By.xpath("//button[normalize-space()='Unsubscribe']"));
      signOut();
    }
    browser.step("beta-tester-subscribed");

    // The admin: every item done; Request publication.
    signIn(acme.admin());
    browser.open(entryPath);
    assertThat(itemState("beta-testers")).isEqualTo("done");
    assertThat(browser.driver().findElements(By.cssSelector(".checklist li.open"))).isEmpty();
    browser.step("checklist-complete");
    browser.click(By.xpath("//button[normalize-space()='Request publication']"));
    browser.waitForText(By.id("launch-title"), "Launch checklist");
    browser.waitForText(By.cssSelector(".launch"), "In review");
    browser.step("in-review");
    signOut();

    // The operator: Operator → Store review → the entry → Approve.
    signIn(operator);
    browser.click(By.linkText("Store review"));
    browser.click(By.linkText(app.name()));
    browser.waitForText(By.tagName("h1"), "Review " + app.name());
    browser.step("operator-review");
    browser.click(By.xpath("//button[normalize-space()='Approve']"));
    browser.waitFor(By.cssSelector(".flash"));
    browser.step("approved");
    signOut();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !TestSmtp.messagesTo(acme.admin().email()).isEmpty());

    // A user of another company finds it in the store and subscribes.
    signIn(globexUser);
    browser.click(By.linkText("Store"));
    browser.type(By.id("q"), app.name());
    browser.click(By.xpath("//form[@role='search']//button[normalize-space()='Search']"));
    browser.waitForText(By.id("store-count"), "1 entry");
    browser.step("store-search");
    browser.click(By.linkText(app.name()));
    browser.waitForText(By.tagName("main"), "Acme Tools");
    assertThat(browser.waitFor(By.cssSelector(".store-description strong")).getText())
        .isEqualTo("parts lists");
    browser.click(By.xpath("//button[normalize-space()='Subscribe']"));
    browser.waitFor(By.xpath("//button[normalize-space()='Unsubscribe']"));
    browser.step("other-company-subscribed");
  }

  private String itemState(String key) {
    return browser.waitFor(By.id("item-" + key)).getAttribute("class");
  }

  private org.openqa.selenium.WebElement requestButton() {
    return browser.waitFor(By.xpath("//button[normalize-space()='Request publication']"));
  }

  /** A small PNG on disk, for the file input. */
  private static Path png() throws IOException {
    BufferedImage image = new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x2a6df4));
    g.fillRect(0, 0, 64, 40);
    g.dispose();
    Path file = Files.createTempFile("store-shot", ".png");
    file.toFile().deleteOnExit();
    ImageIO.write(image, "png", file.toFile());
    return file;
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
