package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.REDIRECTS;
import static dev.portico.authserver.AuthServerFixtures.actor;
import static dev.portico.authserver.AuthServerFixtures.issue;
import static dev.portico.authserver.OAuthDriver.authorize;
import static dev.portico.authserver.OAuthDriver.callback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.accounts.UserChanges;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationOAuthSettings;
import dev.portico.applications.ApplicationSharing;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.AssignmentKind;
import dev.portico.applications.AssignmentSelection;
import dev.portico.applications.IssuedApplication;
import dev.portico.applications.PlatformOAuth;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * SHR-3 at every door of the authorization server: a light user, a member the company app is not
 * assigned to, and a suspended user are refused at authorize ({@code access_denied}) and at the
 * token endpoint ({@code invalid_grant}) when the change came after the grant; skip-consent for the
 * owning company; the app's Platform OAuth access-token lifetime.
 */
@PorticoTest
class GrantPolicyDoorsTests {

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationSharing sharing;
  @Autowired ApplicationOAuthSettings oauthSettings;
  @Autowired UserManagement users;
  @Autowired TestAccounts fixtures;

  @Test
  void aLightUserAndAnUnassignedMemberOfTheCompanyAreRefusedAtAuthorize() {
    Company acme = fixtures.company("Refused");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    OAuthDriver driver = new OAuthDriver(port);
    for (User refused :
        new User[] {
          fixtures.member(acme, Role.MEMBER, License.LIGHT),
          fixtures.member(acme, Role.MEMBER, License.FULL)
        }) {
      HttpResponse<String> answer =
          driver.browser(refused).get(authorize(app.application().clientId(), "state", "x"));
      assertThat(OAuthDriver.target(answer)).as(refused.email()).isEqualTo(REDIRECTS.get(0));
      assertThat(callback(answer))
          .containsEntry("error", "access_denied")
          .containsEntry("state", "x")
          .doesNotContainKey("code");
      assertThat(callback(answer).get("error_description")).contains("not given you access");
    }
    // Assigned, the member is asked for consent.
    User assigned = fixtures.member(acme, Role.MEMBER, License.FULL);
    assign(acme, app.application(), assigned);
    ConsoleClient browser = driver.browser(assigned);
    HttpResponse<String> page =
        browser.follow(browser.get(authorize(app.application().clientId())));
    assertThat(page.body()).contains("Authorize application");
  }

  @Test
  void aUserSuspendedAfterSigningInIsRefusedAtAuthorize() {
    Company acme = fixtures.company("Suspended");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    assign(acme, app.application(), member);
    ConsoleClient browser = new OAuthDriver(port).browser(member);
    change(acme, member, new UserChanges(null, null, UserState.SUSPENDED));

    // The session is still there (the console ends it on the next console page): the rule does.
    HttpResponse<String> answer =
        browser.get(authorize(app.application().clientId(), "state", "z"));
    assertThat(OAuthDriver.target(answer)).isEqualTo(REDIRECTS.get(0));
    assertThat(callback(answer))
        .containsEntry("error", "access_denied")
        .containsEntry("error_description", "Your account is suspended.")
        .containsEntry("state", "z")
        .doesNotContainKey("code");
  }

  @Test
  void aGrantIsRefusedAtTheTokenEndpointOnceItsUserIsSuspendedMadeLightOrUnassigned() {
    Company acme = fixtures.company("Doors");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    OAuthDriver driver = new OAuthDriver(port);
    Consumer<User> suspend = u -> change(acme, u, new UserChanges(null, null, UserState.SUSPENDED));
    Consumer<User> light = u -> change(acme, u, new UserChanges(null, License.LIGHT, null));
    Consumer<User> unassign =
        u -> sharing.unassign(actor(acme.admin()), app.application(), AssignmentKind.USER, u.id());
    for (Consumer<User> loss : java.util.List.of(suspend, light, unassign)) {
      User member = fixtures.member(acme, Role.MEMBER, License.FULL);
      assign(acme, app.application(), member);
      ConsoleClient browser = driver.browser(member);
      String authorize = authorize(app.application().clientId());
      String first =
          callback(OAuthDriver.approve(browser, browser.follow(browser.get(authorize))))
              .get("code");
      JsonNode tokens = OAuthDriver.json(driver.exchange(app, first, null));
      String second = callback(browser.get(authorize)).get("code"); // consent remembered

      loss.accept(member);
      HttpResponse<String> refresh = driver.refresh(app, tokens.get("refresh_token").asString());
      assertThat(refresh.statusCode()).as(member.email()).isEqualTo(400);
      assertThat(refresh.body()).contains("\"invalid_grant\"").doesNotContain("access_token");
      HttpResponse<String> exchange = driver.exchange(app, second, null);
      assertThat(exchange.statusCode()).isEqualTo(400);
      assertThat(exchange.body()).contains("\"invalid_grant\"").doesNotContain("access_token");
    }
  }

  @Test
  void usersOfTheOwningCompanySkipConsentWhenThePlatformOAuthTabSaysSo() {
    Company acme = fixtures.company("Skip");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    OAuthDriver driver = new OAuthDriver(port);
    User outsider = fixtures.individual();
    String request = authorize(app.application().clientId(), "state", "k");
    assertThat(OAuthDriver.target(driver.browser(acme.admin()).get(request)))
        .contains("/oauth/consent");

    Application current = management.application(app.application().id()).orElseThrow();
    oauthSettings.updatePlatformOAuth(
        actor(acme.admin()), current, new PlatformOAuth(Duration.ofMinutes(15), null, true));
    HttpResponse<String> skipped = driver.browser(acme.admin()).get(request);
    assertThat(OAuthDriver.target(skipped)).isEqualTo(REDIRECTS.get(0));
    assertThat(callback(skipped)).containsKey("code").containsEntry("state", "k");
    // The app's access-token lifetime (Platform OAuth) applies to the tokens.
    HttpResponse<String> tokens = driver.exchange(app, callback(skipped).get("code"), null);
    assertThat(OAuthDriver.json(tokens).get("expires_in").asLong()).isEqualTo(900);

    assertThat(OAuthDriver.target(driver.browser(outsider).get(request)))
        .as("someone outside the owning company is still asked")
        .contains("/oauth/consent");
  }

  private void assign(Company company, Application app, User user) {
    sharing.assign(
        actor(company.admin()),
        app,
        new AssignmentSelection(Set.of(user.id()), Set.of(), Set.of()));
  }

  private void change(Company company, User user, UserChanges changes) {
    users.changeUser(actor(company.admin()), company.id(), user.id(), changes);
  }
}
