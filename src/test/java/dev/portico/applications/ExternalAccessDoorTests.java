package dev.portico.applications;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may start a grant of External access (APP-6, SHR-3) and which answers the callback takes: an
 * answer must match the authorization request (its {@code state}) this session made.
 */
@PorticoTest
class ExternalAccessDoorTests {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationOAuthSettings settings;
  @Autowired ApplicationSharing sharing;
  @Autowired SharingFixtures apps;
  @Autowired JdbcClient jdbc;

  Company acme;
  User bob;
  ExternalOAuthScenario scenario;

  @BeforeEach
  void setUp() {
    acme = fixtures.company("Acme");
    bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    scenario =
        ExternalOAuthScenario.create(
            port, management, settings, sharing, acme.admin(), acme.id(), bob);
  }

  @Test
  void assignedUserAndTheAppsManagerMayStartAGrant() throws Exception {
    for (User user : new User[] {bob, acme.admin()}) {
      mvc.perform(get(scenario.grantPath()).with(as(user)))
          .andExpect(status().isFound())
          .andExpect(
              header()
                  .string(
                      "Location", startsWith("http://localhost:" + port + "/oauth/authorize?")));
    }
  }

  @Test
  void ownerOfAPersonalAppMayStartAGrant() throws Exception {
    User solo = fixtures.individual();
    Application mine = apps.register(solo, solo.personalAccountId());
    settings.updateExternalOAuth(
        SharingFixtures.actor(solo),
        mine,
        new ExternalOAuthDraft(
            "solo-client",
            "s3cret",
            "https://auth.example.com/authorize",
            "https://auth.example.com/token",
            ""));

    mvc.perform(get("/my/external-access/{id}/grant", mine.id()).with(as(solo)))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", startsWith("https://auth.example.com/authorize?")))
        .andExpect(header().string("Location", not(containsString("scope="))));
  }

  @Test
  void everyoneElseGets404AtGrant() throws Exception {
    User unassigned = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    User otherAdmin = fixtures.company("Other").admin();
    for (User user : new User[] {unassigned, light, otherAdmin}) {
      mvc.perform(get(scenario.grantPath()).with(as(user))).andExpect(status().isNotFound());
    }
    mvc.perform(get("/my/external-access/{id}/grant", UUID.randomUUID()).with(as(bob)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/my/external-access/not-an-id/grant").with(as(bob)))
        .andExpect(status().isNotFound());
  }

  @Test
  void appWithoutExternalOAuthGets404AtGrantEvenForItsManager() throws Exception {
    Application plain = apps.register(acme.admin(), acme.id());

    mvc.perform(get("/my/external-access/{id}/grant", plain.id()).with(as(acme.admin())))
        .andExpect(status().isNotFound());
  }

  @Test
  void anonymousGrantGoesToSignInAndBack() throws Exception {
    mvc.perform(get(scenario.grantPath()))
        .andExpect(status().isFound())
        .andExpect(
            redirectedUrl(
                "/login?continue=%2Fmy%2Fexternal-access%2F" + scenario.appA.id() + "%2Fgrant"));
  }

  @Test
  void myApplicationsOffersGrantOnlyToWhoMayUseTheApp() throws Exception {
    User unassigned = fixtures.member(acme, Role.MEMBER, License.FULL);
    String link = "href=\"" + scenario.grantPath() + "\"";

    mvc.perform(get("/my/applications").with(as(bob)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(link)));
    mvc.perform(get("/my/applications").with(as(unassigned)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(link))))
        .andExpect(content().string(containsString("No application has External access")));
  }

  @Test
  void callbackWithAWrongOrMissingStateIsRefusedAndStoresNothing() {
    ConsoleClient browser = scenario.signedIn(bob);
    String callback =
        scenario.authorizeAtServer(browser).headers().firstValue("Location").orElseThrow();
    Map<String, String> answer = ExternalOAuthScenario.query(callback);
    String base = callback.substring(0, callback.indexOf('?'));

    for (String forged :
        new String[] {
          base + "?code=" + answer.get("code") + "&state=forged-" + UUID.randomUUID(),
          base + "?code=" + answer.get("code")
        }) {
      HttpResponse<String> refused = browser.get(forged);
      assertThat(ConsoleClient.location(refused)).isEqualTo("/my/applications");
      assertThat(browser.follow(refused).body()).contains("Portico refused an answer");
      assertThat(rows(bob)).isZero();
    }
    HttpResponse<String> genuine = browser.follow(browser.get(callback));
    assertThat(genuine.body()).contains(scenario.appA.name() + " now has External access");
    assertThat(rows(bob)).isOne();
  }

  @Test
  void serverDenialIsShownAndStoresNothing() {
    ConsoleClient browser = scenario.signedIn(bob);
    HttpResponse<String> start = browser.get(scenario.grantPath());
    String state =
        ExternalOAuthScenario.query(start.headers().firstValue("Location").orElseThrow())
            .get("state");

    HttpResponse<String> denied =
        browser.get(
            "/external-oauth/callback/"
                + scenario.appA.id()
                + "?error=access_denied&state="
                + state);

    assertThat(browser.follow(denied).body())
        .contains("External access was not granted")
        .contains("(access_denied)");
    assertThat(rows(bob)).isZero();
  }

  @Test
  void externalOAuthTabShowsTheRedirectUriToRegisterAtTheServer() throws Exception {
    mvc.perform(
            get(ManagerTabsFixtures.base(scenario.appA) + "/external-oauth").with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "http://localhost/external-oauth/callback/" + scenario.appA.id())));
  }

  @Test
  void revokingAGrantOneDoesNotHoldIs404() throws Exception {
    mvc.perform(get("/my/applications/external/{id}/revoke", scenario.appA.id()).with(as(bob)))
        .andExpect(status().isNotFound());
  }

  private long rows(User user) {
    return jdbc.sql("select count(*) from app_external_token where user_id = :u")
        .param("u", user.id())
        .query(Long.class)
        .single();
  }
}
