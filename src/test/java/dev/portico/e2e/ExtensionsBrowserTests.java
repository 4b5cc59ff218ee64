package dev.portico.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.Application;
import dev.portico.extensions.ActionType;
import dev.portico.extensions.Extension;
import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.extensions.PreviewFixtures;
import dev.portico.extensions.internal.ExtensionRows;
import dev.portico.support.EmbeddedPostgresSupport;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Extensions in a real browser (issue 10): an admin of a fresh company registers an app, adds a
 * right-panel extension and a context-menu POST action through the seed's "Add extension" procedure
 * (the form refusing a bad context and an unknown {@code {$attribute}} at their fields), then opens
 * the Preview: the panel is the demo page in a sandboxed frame of the resolved URL, and the
 * action's button shows the JSON response in a dialog. Both extensions point at Portico's own demo
 * pages (demo mode on). Screenshots land in {@code target/e2e/ExtensionsBrowserTests/}.
 *
 * <p>The action is called by Portico from the server to {@code localhost}, which the action client
 * allows only with {@code portico.extensions.actions.allow-private-addresses=true}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"portico.demo=true", "portico.extensions.actions.allow-private-addresses=true"})
@ContextConfiguration(initializers = EmbeddedPostgresSupport.Initializer.class)
class ExtensionsBrowserTests {

  /** The sample documentId of the preview (SampleContext). */
  private static final String SAMPLE_DOCUMENT = "e60c4803eaf2ac8be492c18e";

  private static final String ACTION_BODY =
      "{\"documentId\": \"{$documentId}\", \"elementId\": \"{$elementId}\"}";

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired TestAccounts fixtures;
  @Autowired PreviewFixtures previews;
  @Autowired ExtensionRows extensions;

  @Test
  void adminAddsAPanelAndAnActionAsTheSeedDescribesAndPreviewsThem() {
    Company acme = fixtures.company("Acme");
    signIn(acme.admin().email());
    UUID appId = registerApp(acme);

    // "Click the Extensions tab", "Click Add extension", "Fill out the form"
    browser.click(By.linkText("Extensions"));
    browser.waitForText(By.cssSelector(".tabs a[aria-current='page']"), "Extensions");
    browser.step("extensions-tab");
    browser.click(By.linkText("Add extension"));
    browser.waitFor(By.id("name"));

    // A context the location does not allow (a stale or forged form): refused at the field.
    browser.type(By.id("name"), "Part inspector");
    browser.type(By.id("description"), "Shows the part beside the model.");
    browser.choose(By.id("location"), "ELEMENT_CONTEXT_MENU");
    browser.waitFor(By.cssSelector("#context option[value='PART_STUDIO']"));
    forceOption("context", "PART");
    browser.type(By.id("actionUrl"), demoUrl("/demo/extensions/panel?documentId={$documentId}"));
    browser.step("bad-context");
    ok();
    fieldError("context");
    assertThat(browser.waitFor(By.id("name")).getAttribute("value")).isEqualTo("Part inspector");
    browser.step("bad-context-refused");

    // An unknown attribute: refused at the action URL, naming it.
    browser.choose(By.id("location"), "ELEMENT_RIGHT_PANEL");
    browser.waitFor(By.cssSelector("#context option[value='PART']"));
    browser.choose(By.id("context"), "PART");
    browser.type(By.id("actionUrl"), demoUrl("/demo/extensions/panel?part={$partNumbr}"));
    ok();
    assertThat(fieldError("actionUrl")).contains("{$partNumbr}");
    browser.step("unknown-attribute-refused");

    // The right panel, pointing at the demo panel page.
    browser.type(
        By.id("actionUrl"),
        demoUrl("/demo/extensions/panel?documentId={$documentId}&partNumber={$partNumber}"));
    ok();
    browser.waitForText(By.cssSelector(".flash.ok"), "Added extension Part inspector");
    browser.step("panel-added");

    // The context-menu POST action with Show response, pointing at the demo action endpoint.
    browser.click(By.linkText("Add extension"));
    browser.type(By.id("name"), "Inspect part studio");
    browser.choose(By.id("location"), "ELEMENT_CONTEXT_MENU");
    browser.waitFor(By.cssSelector("#context option[value='PART_STUDIO']"));
    browser.choose(By.id("context"), "PART_STUDIO");
    browser.waitFor(By.cssSelector("#actionType option[value='POST']"));
    browser.choose(By.id("actionType"), "POST");
    browser.type(By.id("actionUrl"), demoUrl("/demo/extensions/action"));
    browser.type(By.id("actionBody"), ACTION_BODY);
    WebElement show = browser.waitFor(By.id("showResponse"));
    if (!show.isSelected()) {
      browser.click(By.id("showResponse"));
    }
    browser.step("action-form");
    ok();
    browser.waitForText(By.cssSelector(".flash.ok"), "Added extension Inspect part studio");
    browser.step("action-added");

    List<Extension> saved = extensions.ofApplication(appId);
    assertThat(saved).extracting(Extension::name).contains("Part inspector", "Inspect part studio");
    previewShowsThePanelAndTheActionsResponse(appId, saved, true);
  }

  /**
   * The preview half on its own, with the two extensions stored directly (runs before the editor
   * and the actions endpoint are merged): the frame and the dialog's opening, not its content.
   */
  @Test
  void previewFramesTheDemoPanelAndOpensTheResponseDialog() {
    Company acme = fixtures.company("Acme");
    Application app = previews.app(acme.admin(), acme.id());
    previews.add(
        app,
        "Part inspector",
        ExtensionLocation.ELEMENT_RIGHT_PANEL,
        ExtensionContext.PART,
        demoUrl("/demo/extensions/panel?documentId={$documentId}&partNumber={$partNumber}"),
        null,
        null,
        false);
    previews.add(
        app,
        "Inspect part studio",
        ExtensionLocation.ELEMENT_CONTEXT_MENU,
        ExtensionContext.PART_STUDIO,
        demoUrl("/demo/extensions/action"),
        ActionType.POST,
        ACTION_BODY,
        true);
    signIn(acme.admin().email());

    previewShowsThePanelAndTheActionsResponse(app.id(), extensions.ofApplication(app.id()), false);

    // Edit a sample value: the section is re-rendered (htmx) and the frame gets the new value.
    Extension panel = named(extensions.ofApplication(app.id()), "Part inspector");
    browser.click(By.cssSelector("#sample-values summary"));
    browser.type(By.id("sample-documentId"), "my-own-document");
    browser.click(By.id("update-preview"));
    browser.waitUntil(
        ExpectedConditions.attributeContains(
            By.id("frame-" + panel.id()), "src", "documentId=my-own-document"));
    browser.driver().switchTo().frame(browser.waitFor(By.id("frame-" + panel.id())));
    browser.waitForText(By.id("documentId"), "my-own-document");
    browser.driver().switchTo().defaultContent();
    browser.waitUntil(ExpectedConditions.urlContains("documentId=my-own-document"));
    browser.step("sample-edited");
  }

  private void previewShowsThePanelAndTheActionsResponse(
      UUID appId, List<Extension> saved, boolean actionsEndpointMerged) {
    Extension panel = named(saved, "Part inspector");
    Extension action = named(saved, "Inspect part studio");
    browser.open("/developer/oauth-applications/" + appId + "/extensions/preview");
    WebElement frame = browser.waitFor(By.id("frame-" + panel.id()));
    assertThat(frame.getAttribute("src"))
        .startsWith(
            demoUrl(
                "/demo/extensions/panel?documentId=" + SAMPLE_DOCUMENT + "&partNumber=PRT-10042"))
        .contains("&server=")
        .contains("&clientId=");
    assertThat(frame.getAttribute("sandbox")).isEqualTo("allow-scripts allow-forms allow-popups");
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", frame);
    browser.step("preview");

    browser.driver().switchTo().frame(frame);
    browser.waitForText(By.id("documentId"), SAMPLE_DOCUMENT);
    browser.waitForText(By.id("inspected"), "Part PRT-10042");
    browser.driver().switchTo().defaultContent();

    browser.click(By.id("run-" + action.id()));
    browser.waitFor(By.cssSelector("#action-dialog[open]"));
    if (actionsEndpointMerged) {
      browser.waitForText(
          By.id("action-response"), "Acme Parts Inspector inspected document " + SAMPLE_DOCUMENT);
      browser.waitForText(By.id("action-response"), "\"elementId\"");
    }
    browser.step("action-response");
    browser.click(By.id("action-dialog-close"));
    browser.waitUntil(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#action-dialog[open]")));
  }

  /** Registers an app through the console, as OAuthApplicationBrowserTests does; its id. */
  private UUID registerApp(Company acme) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    browser.click(By.cssSelector(".sidebar a[href='/accounts/" + acme.id() + "/developer']"));
    browser.click(
        By.cssSelector("main a[href='/accounts/" + acme.id() + "/developer/oauth-applications']"));
    browser.click(By.linkText("Create new OAuth application"));
    browser.waitFor(By.id("primaryFormat"));
    browser.type(By.id("name"), "Parts Inspector " + tag);
    browser.type(By.id("primaryFormat"), "com.example.inspector-" + tag);
    browser.type(By.id("summary"), "Inspects parts.");
    browser.type(By.id("redirectUrls"), "https://inspector.example.com/oauth/callback");
    browser.choose(By.id("type"), "INTEGRATED_CLOUD");
    browser.type(By.id("oauthUrl"), "https://inspector.example.com/start");
    browser.click(By.cssSelector("input[name='scopes'][value='OAuth2Read']"));
    browser.click(By.cssSelector("main form button[type=submit].primary"));
    browser.waitFor(By.cssSelector(".card.secret"));
    browser.click(By.partialLinkText("go to the app's Details"));
    browser.waitForText(By.cssSelector(".tabs a[aria-current='page']"), "Details");
    browser.step("app-registered");
    String path = browser.path();
    return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
  }

  /** Selects a value the narrowed select no longer offers, as a stale or forged form would send. */
  private static void forceOption(String select, String value) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "var s = document.getElementById(arguments[0]);"
                + "if (!s.querySelector('option[value=\"' + arguments[1] + '\"]')) {"
                + "  var o = document.createElement('option'); o.value = arguments[1];"
                + "  o.textContent = arguments[1]; s.appendChild(o); }"
                + "s.value = arguments[1];",
            select,
            value);
  }

  /** "Cliquez sur OK." */
  private static void ok() {
    browser.click(By.xpath("//main//form//button[normalize-space()='OK']"));
  }

  /** Waits for the field's error next to it (fragments/forms.html) and returns its text. */
  private static String fieldError(String field) {
    return browser
        .waitFor(By.xpath("//div[contains(@class,'has-error')][.//*[@id='" + field + "']]"))
        .findElement(By.cssSelector(".error"))
        .getText();
  }

  private String demoUrl(String path) {
    return "http://localhost:" + port + path;
  }

  private void signIn(String email) {
    browser.open("/login");
    browser.type(By.id("email"), email);
    browser.type(By.id("password"), TestAccounts.PASSWORD);
    browser.click(By.cssSelector("button[type=submit]"));
    browser.waitUntil(ExpectedConditions.urlContains("/my/profile"));
    browser.step("signed-in");
  }

  private static Extension named(List<Extension> saved, String name) {
    return saved.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }
}
