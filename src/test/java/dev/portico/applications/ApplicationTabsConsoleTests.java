package dev.portico.applications;

import static dev.portico.applications.OAuthApplicationsConsoleTests.errorOf;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An app's Details, Settings and Permissions tabs, its coming-soon pages and its deletion (APP-2,
 * APP-4, APP-5) through the console.
 */
@PorticoTest
class ApplicationTabsConsoleTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ApplicationManagement management;
  @Autowired ConsoleDeletionBlocks blocks;

  @Test
  void detailsShowClientIdOwnerTypeCreatorAndTheButtonsInCompanyBreadcrumbs() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = apps.register(acme.admin(), acme.id(), "Acme PLM");
    String base = "/developer/oauth-applications/" + app.id();

    String page =
        mvc.perform(get(base).with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page)
        .contains("data-copy=\"" + app.clientId() + "\"")
        .contains(acme.account().name())
        .contains("Integrated Cloud App")
        .contains(acme.admin().name(), acme.admin().email())
        .contains("https://app.example.com/callback")
        .contains(">OAuth2Read<")
        .contains("href=\"" + base + "/store-entry\">Create store entry<")
        .contains("href=\"" + base + "/transfer\">Transfer ownership<")
        .contains("href=\"" + base + "/delete\">Delete application<")
        .contains("<span>Company settings</span>")
        .contains(">OAuth applications</a>")
        .contains("aria-current=\"page\">Details<");
  }

  @Test
  void settingsShowThePrimaryFormatDisabledAndSaveTheRest() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = apps.register(acme.admin(), acme.id(), "Before");
    String base = "/developer/oauth-applications/" + app.id();

    mvc.perform(get(base + "/settings").with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "id=\"primaryFormat\" value=\"" + app.primaryFormat() + "\" disabled")))
        .andExpect(content().string(not(containsString("name=\"primaryFormat\""))));

    Map<String, String> form =
        OAuthApplicationsConsoleTests.validForm("After", app.primaryFormat());
    form.remove("primaryFormat");
    form.put("type", "CONNECTED_DESKTOP");
    mvc.perform(
            post(base + "/settings")
                .params(OAuthApplicationsConsoleTests.params(form))
                .param("scopes", "OAuth2Read")
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(redirectedUrl(base + "/settings"))
        .andExpect(flash().attribute("flash", "Saved the settings."));

    Application saved = management.application(app.id()).orElseThrow();
    assertThat(saved.name()).isEqualTo("After");
    assertThat(saved.type()).isEqualTo(ApplicationType.CONNECTED_DESKTOP);
    assertThat(saved.primaryFormat()).isEqualTo(app.primaryFormat());
  }

  @Test
  void primaryFormatCanNotBeChangedByAForgedSettingsForm() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = apps.register(acme.admin(), acme.id(), "Immutable");
    String forged = ConsoleAppFixtures.uniqueFormat();

    String page =
        mvc.perform(
                post("/developer/oauth-applications/{id}/settings", app.id())
                    .params(
                        OAuthApplicationsConsoleTests.params(
                            OAuthApplicationsConsoleTests.validForm("Renamed too", forged)))
                    .param("scopes", "OAuth2Read")
                    .with(as(acme.admin()))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(errorOf(page, "primaryFormat")).contains("cannot be changed");
    assertThat(page).contains("value=\"Renamed too\"");
    Application kept = management.application(app.id()).orElseThrow();
    assertThat(kept.primaryFormat()).isEqualTo(app.primaryFormat());
    assertThat(kept.name()).isEqualTo("Immutable");
  }

  @Test
  void settingsRefusalsAreShownAtTheirFieldsAndNothingIsSaved() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = apps.register(acme.admin(), acme.id(), "Stays");
    Map<String, String> form =
        OAuthApplicationsConsoleTests.validForm("x".repeat(101), app.primaryFormat());
    form.put("redirectUrls", "");

    String page =
        mvc.perform(
                post("/developer/oauth-applications/{id}/settings", app.id())
                    .params(OAuthApplicationsConsoleTests.params(form))
                    .param("scopes", "OAuth2Read")
                    .with(as(acme.admin()))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(errorOf(page, "name")).contains("100");
    assertThat(errorOf(page, "redirectUrls")).contains("at least one redirect URL");
    assertThat(management.application(app.id()).orElseThrow().name()).isEqualTo("Stays");
  }

  @Test
  void widenedPermissionsAreSavedAloneAndExistingGrantsAskAgain() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = apps.register(acme.admin(), acme.id(), "Scoped");
    String base = "/developer/oauth-applications/" + app.id();

    mvc.perform(get(base + "/permissions").with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("authorize it again")))
        .andExpect(
            content()
                .string(matchesPattern("(?s).*value=\"OAuth2Read\"[^>]*checked=\"checked\".*")))
        .andExpect(
            content().string(not(matchesPattern("(?s).*value=\"OAuth2Write\"[^>]*checked.*"))));
    mvc.perform(
            post(base + "/permissions")
                .param("scopes", "OAuth2Read", "OAuth2Write")
                .param("name", "Forged name")
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(redirectedUrl(base + "/permissions"))
        .andExpect(flash().attribute("flash", containsString("asked again")));

    Application saved = management.application(app.id()).orElseThrow();
    assertThat(saved.scopes()).containsExactlyInAnyOrder(Scope.OAuth2Read, Scope.OAuth2Write);
    assertThat(saved.consentEpoch()).isEqualTo(app.consentEpoch() + 1);
    assertThat(saved.name()).isEqualTo(app.name());
    assertThat(saved.redirectUrls()).isEqualTo(app.redirectUrls());
    assertThat(saved.summary()).isEqualTo(app.summary());
  }

  @Test
  void permissionsWithoutAnyScopeOrWithAnUnknownOneAreRefusedAtTheField() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = apps.register(acme.admin(), acme.id(), "Keeps scopes");
    String url = "/developer/oauth-applications/" + app.id() + "/permissions";

    String none =
        mvc.perform(post(url).param("_scopes", "on").with(as(acme.admin())).with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(errorOf(none, "scopes")).contains("at least one");
    String unknown =
        mvc.perform(post(url).param("scopes", "OAuth2Root").with(as(acme.admin())).with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(errorOf(unknown, "scopes")).contains("does not exist");

    assertThat(management.application(app.id()).orElseThrow().scopes())
        .containsExactly(Scope.OAuth2Read);
  }

  @Test
  void deleteAsksFirstNamingWhatIsLostThenDeletesAndReturnsToTheList() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = apps.register(acme.admin(), acme.id(), "Doomed");
    String base = "/developer/oauth-applications/" + app.id();

    mvc.perform(get(base + "/delete").with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(app.clientId())))
        .andExpect(content().string(containsString("revokes every token and every grant")))
        .andExpect(content().string(containsString("removes its extensions and its assignments")))
        .andExpect(content().string(containsString("past API usage stays")))
        .andExpect(content().string(containsString("action=\"" + base + "/delete\"")));
    assertThat(management.application(app.id())).isPresent();

    mvc.perform(post(base + "/delete").with(as(acme.admin())).with(csrf()))
        .andExpect(redirectedUrl("/accounts/" + acme.id() + "/developer/oauth-applications"))
        .andExpect(flash().attribute("flash", containsString("Deleted the OAuth application")));

    assertThat(management.application(app.id())).isEmpty();
  }

  @Test
  void appKeptByAStoreEntryCanNotBeDeletedAndThePageLinksToTheEntry() throws Exception {
    User solo = fixtures.individual();
    Application app = apps.register(solo, solo.personalAccountId(), "In the store");
    blocks.block(app.id(), "Delete its store entry first.", "/developer/store-entries/e-1");
    String base = "/developer/oauth-applications/" + app.id();

    mvc.perform(get(base + "/delete").with(as(solo)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Delete its store entry first.")))
        .andExpect(content().string(containsString("href=\"/developer/store-entries/e-1\"")))
        .andExpect(content().string(not(containsString("action=\"" + base + "/delete\""))));
    mvc.perform(post(base + "/delete").with(as(solo)).with(csrf()))
        .andExpect(status().isConflict());

    assertThat(management.application(app.id())).isPresent();
  }

  @Test
  void individualsAppPagesSayMyAccount() throws Exception {
    User solo = fixtures.individual();
    Application app = apps.register(solo, solo.personalAccountId(), "Mine");

    mvc.perform(get("/developer/oauth-applications/{id}/settings", app.id()).with(as(solo)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("My account")))
        .andExpect(content().string(containsString("href=\"/my/developer/oauth-applications\"")))
        .andExpect(content().string(not(containsString("id=\"adminTeamId\""))));
  }
}
