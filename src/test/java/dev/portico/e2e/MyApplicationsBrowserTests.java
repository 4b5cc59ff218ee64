package dev.portico.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.OAuthFlow;
import dev.portico.authserver.OAuthFlow.Tokens;
import dev.portico.support.EmbeddedPostgresSupport;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * My account → Applications (OAU-5) in a real browser: a user who granted an app (through the
 * plain-HTTP flow) signs in, opens Applications from the navigation, sees the grant with its scope
 * words, revokes it through the confirmation that names the app, and the grant is gone, its tokens
 * with it. Screenshots land in {@code target/e2e/MyApplicationsBrowserTests/}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "portico.demo=true")
@ContextConfiguration(initializers = EmbeddedPostgresSupport.Initializer.class)
class MyApplicationsBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;

  @Test
  void userSeesTheirGrantAndRevokesItThroughTheConfirmation() {
    Company acme = fixtures.company("Browser grants");
    String name = "Browser PLM " + acme.tag();
    IssuedApplication app =
        OAuthFlow.register(management, acme, name, "https://plm.example.com/start");
    OAuthFlow flow = new OAuthFlow(port);
    Tokens tokens = flow.grant(acme.admin().email(), app, "OAuth2Read OAuth2Write");

    signIn(acme.admin().email());
    browser.click(By.cssSelector(".sidebar a[href='/my/applications']"));
    browser.waitForText(By.tagName("h1"), "Applications");
    browser.waitForText(By.id("grants-table"), name);
    browser.waitForText(By.id("grants-table"), "Application can write to your documents");
    assertThat(
            browser
                .waitFor(
                    By.cssSelector("#grants-table a[aria-label='Grant " + name + " access again']"))
                .getAttribute("href"))
        .startsWith("https://plm.example.com/start?redirectOnshapeUri=http%3A%2F%2Flocalhost%3A");
    browser.step("grant-listed");

    browser.click(By.cssSelector("a[aria-label='Revoke the access of " + name + "']"));
    browser.waitForText(
        By.cssSelector(".danger-zone"), name + " will no longer be able to access your account");
    browser.step("confirmation");

    browser.click(By.cssSelector(".danger-zone form button.danger"));
    browser.waitForText(By.cssSelector(".flash.ok"), name + " can no longer access your account");
    browser.waitUntil(
        ExpectedConditions.not(
            ExpectedConditions.textToBePresentInElementLocated(By.id("grants-table"), name)));
    browser.step("grant-revoked");

    assertThat(browser.path()).isEqualTo("/my/applications");
    assertThat(flow.active(app, tokens.access())).isFalse();
    assertThat(flow.refresh(app, tokens.refresh())).isEqualTo(400);
  }

  private void signIn(String email) {
    browser.open("/login");
    browser.type(By.id("email"), email);
    browser.type(By.id("password"), TestAccounts.PASSWORD);
    browser.click(By.cssSelector("button[type=submit]"));
    browser.waitUntil(ExpectedConditions.urlContains("/my/profile"));
  }
}
