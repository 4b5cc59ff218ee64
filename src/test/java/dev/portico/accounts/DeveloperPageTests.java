package dev.portico.accounts;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationSharing;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.AssignmentSelection;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.Actor;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Developer page (DEV-1): Company settings → Developer for admins and the operator, My account
 * → Developer for an individual; counts from the modules that own them, the seed's two how-tos
 * ticking themselves from the account's state, and 404 for everyone else.
 */
@PorticoTest
class DeveloperPageTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys keys;
  @Autowired ApplicationManagement applications;
  @Autowired ApplicationSharing sharing;

  @Test
  void companyPageCountsTheCompanysOwnAppsAndKeys() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    register(acme.id(), null);
    register(acme.id(), null);
    keys.issue(acme.admin());
    register(globex.id(), null);
    keys.issue(globex.admin());
    keys.issue(globex.admin());

    String page = page("/accounts/" + acme.id() + "/developer", acme.admin());

    assertThat(count(page, "oauth-applications")).isEqualTo(2);
    assertThat(count(page, "applications")).isEqualTo(2);
    assertThat(count(page, "api-keys")).isEqualTo(1);
    assertThat(page)
        .contains("href=\"/accounts/" + acme.id() + "/developer/oauth-applications\"")
        .contains("href=\"/accounts/" + acme.id() + "/developer/applications\"")
        .contains("href=\"/accounts/" + acme.id() + "/developer/api-keys\"");
  }

  @Test
  void companyPageLinksStoreEntriesAndApiUsage() throws Exception {
    Company acme = fixtures.company("Acme");

    String page = page("/accounts/" + acme.id() + "/developer", acme.admin());

    assertThat(item(page, "store-entries"))
        .contains("href=\"/accounts/" + acme.id() + "/developer/store-entries\"");
    assertThat(item(page, "api-usage"))
        .contains("href=\"/accounts/" + acme.id() + "/developer/api-usage\"");
    assertThat(count(page, "oauth-applications")).isZero();
    assertThat(count(page, "api-keys")).isZero();
  }

  @Test
  void operatorOpensAnyCompanysDeveloperPage() throws Exception {
    Company acme = fixtures.company("Acme");
    register(acme.id(), null);

    String page = page("/accounts/" + acme.id() + "/developer", fixtures.operator());

    assertThat(count(page, "oauth-applications")).isEqualTo(1);
  }

  @Test
  void individualPageHasNoApplicationsLinkAndCountsTheirOwnAccount() throws Exception {
    User dave = fixtures.individual();
    register(dave.personalAccountId(), null);
    keys.issue(dave);

    String page = page("/my/developer", dave);

    assertThat(count(page, "oauth-applications")).isEqualTo(1);
    assertThat(count(page, "api-keys")).isEqualTo(1);
    assertThat(page)
        .contains("href=\"/my/developer/oauth-applications\"")
        .contains("href=\"/my/developer/api-keys\"")
        .doesNotContain("id=\"applications\"")
        .doesNotContain("/developer/applications");
  }

  @Test
  void companyMemberHasTheirOwnDeveloperPageWithoutTheCompanysCounts() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    register(acme.id(), null);

    String page = page("/my/developer", bob);

    assertThat(count(page, "oauth-applications")).isZero();
  }

  @Test
  void registeringAnAppTicksRegisterButNotOAuth2() throws Exception {
    Company acme = fixtures.company("Acme");
    String path = "/accounts/" + acme.id() + "/developer";
    assertThat(step(page(path, acme.admin()), "Register the app")).isEqualTo("open");

    register(acme.id(), null);

    String page = page(path, acme.admin());
    assertThat(step(page, "Register the app")).isEqualTo("done");
    assertThat(step(page, "Authenticate with OAuth2")).isEqualTo("open");
    assertThat(page).contains("1 app registered.");
  }

  @Test
  void anAppWithAnOAuthUrlTicksOAuth2WithAHintThatItIsAProxy() throws Exception {
    User dave = fixtures.individual();
    register(dave.personalAccountId(), null);
    register(dave.personalAccountId(), "https://app.example.test/oauth/start");

    String page = page("/my/developer", dave);

    assertThat(step(page, "Authenticate with OAuth2")).isEqualTo("done");
    assertThat(page).contains("Until the authorization server lands");
  }

  @Test
  void assigningUsersTicksOnceAnAppIsSharedBeyondItsCreator() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    String path = "/accounts/" + acme.id() + "/developer";
    Application app =
        applications
            .register(
                new Actor(acme.admin().id(), acme.admin().email(), false, null),
                acme.id(),
                draft("com.devpage.shared-" + UUID.randomUUID().toString().substring(0, 8), null))
            .application();

    // the creating admin is assigned from the start (SHR-1): that alone is not sharing
    assertThat(step(page(path, acme.admin()), "Assign users to the app")).isEqualTo("open");
    sharing.assign(
        Actor.SYSTEM, app, new AssignmentSelection(Set.of(bob.id()), Set.of(), Set.of()));
    assertThat(step(page(path, acme.admin()), "Assign users to the app")).isEqualTo("done");
  }

  @Test
  void stepsWithoutTheirFeatureStayUntickedAndSayComingSoon() throws Exception {
    Company acme = fixtures.company("Acme");
    register(acme.id(), "https://app.example.test/oauth/start");

    String page = page("/accounts/" + acme.id() + "/developer", acme.admin());

    assertThat(step(page, "Create an extension for the app")).isEqualTo("coming-soon");
    assertThat(step(page, "Create an app store entry")).isEqualTo("open"); // store: STO-1 landed
    assertThat(step(page, "Complete the Launch Checklist")).isEqualTo("coming-soon");
    assertThat(page).contains("To create an app that opens in the UI for internal use or testing");
    assertThat(page).contains("To publish the app to the store");
  }

  @Test
  void companyMemberLightUserAndOtherCompanysAdminGet404() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User lena = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    String path = "/accounts/" + acme.id() + "/developer";

    for (User outsider : List.of(bob, lena, globex.admin(), fixtures.individual())) {
      mvc.perform(get(path).with(as(outsider))).andExpect(status().isNotFound());
    }
  }

  @Test
  void unknownAndPersonalAccountIdsGet404OnTheCompanyPage() throws Exception {
    User dave = fixtures.individual();

    mvc.perform(get("/accounts/" + UUID.randomUUID() + "/developer").with(as(dave)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/accounts/" + dave.personalAccountId() + "/developer").with(as(dave)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/accounts/not-a-uuid/developer").with(as(dave)))
        .andExpect(status().is4xxClientError());
  }

  @Test
  void lightUserHasNoDeveloperPageOfTheirOwn() throws Exception {
    Company acme = fixtures.company("Acme");
    User lena = fixtures.member(acme, Role.MEMBER, License.LIGHT);

    mvc.perform(get("/my/developer").with(as(lena))).andExpect(status().isNotFound());
  }

  private void register(UUID owner, @Nullable String oauthUrl) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    applications.register(Actor.SYSTEM, owner, draft("com.devpage.app-" + tag, oauthUrl));
  }

  private static ApplicationDraft draft(String format, @Nullable String oauthUrl) {
    return new ApplicationDraft(
        "App " + format,
        format,
        "An app for the Developer page tests",
        List.of("https://app.example.test/callback"),
        ApplicationType.INTEGRATED_CLOUD,
        oauthUrl,
        false,
        Set.of(Scope.OAuth2Read),
        null,
        List.of());
  }

  private String page(String path, User user) throws Exception {
    return mvc.perform(get(path).with(as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The markup of one of the page's links, by its id. */
  private static String item(String page, String id) {
    Matcher m = Pattern.compile("<li id=\"" + id + "\">(.*?)</li>", Pattern.DOTALL).matcher(page);
    assertThat(m.find()).as("link %s on the page", id).isTrue();
    return m.group(1);
  }

  /** The count shown next to one of the page's links. */
  private static long count(String page, String id) {
    Matcher m = Pattern.compile("<span class=\"badge\"[^>]*>(\\d+)</span>").matcher(item(page, id));
    assertThat(m.find()).as("count of %s", id).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** The state of a checklist step: done, open or coming-soon. */
  private static String step(String page, String label) {
    Matcher m =
        Pattern.compile(
                "<li class=\"([a-z-]+)\">(?:(?!</li>).)*?>" + Pattern.quote(label) + "<",
                Pattern.DOTALL)
            .matcher(page);
    assertThat(m.find()).as("step %s on the page", label).isTrue();
    return m.group(1);
  }
}
