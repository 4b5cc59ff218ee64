package dev.portico.applications;

import static dev.portico.applications.ManagerTabsFixtures.base;
import static dev.portico.applications.ManagerTabsFixtures.register;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.accounts.UserChanges;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Details → Transfer ownership (OWN-1, OWN-2) through the console: to a person found by name or
 * email, or to the company the user administers; the app leaves the old owner's list and appears in
 * the new one's with its client id and secret unchanged; audited. Only managers reach the pages.
 */
@PorticoTest
class OwnershipTransferConsoleTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationDirectory directory;
  @Autowired JdbcClient jdbc;
  @Autowired UserManagement users;

  @Test
  void companyAppTransferredToAPersonLeavesTheCompanyListAndKeepsItsClientIdAndSecret()
      throws Exception {
    Company acme = accounts.company("Acme");
    User bob = accounts.individual();
    IssuedApplication issued = register(management, acme.admin(), acme.id());
    Application app = issued.application();
    String acmeList = "/accounts/" + acme.id() + "/developer/oauth-applications";
    assertThat(page(acme.admin(), acmeList)).contains(app.name());

    String search = page(acme.admin(), base(app) + "/transfer?q=" + bob.email());
    assertThat(search).contains(bob.name()).contains(bob.email());
    String confirm = page(acme.admin(), base(app) + "/transfer/confirm?toUserId=" + bob.id());
    assertThat(confirm)
        .contains("will own it and see it in their list")
        .contains("count toward")
        .contains("past usage stays with")
        .contains(acme.account().name())
        .contains("client id, secrets, extensions and grants are unchanged");

    mvc.perform(
            post(base(app) + "/transfer")
                .param("toUserId", bob.id().toString())
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(redirectedUrl(acmeList))
        .andExpect(flash().attribute("flash", org.hamcrest.Matchers.containsString(bob.name())));

    assertThat(page(acme.admin(), acmeList)).doesNotContain(app.name());
    assertThat(page(bob, "/my/developer/oauth-applications")).contains(app.name());
    Application moved = management.application(app.id()).orElseThrow();
    assertThat(moved.ownerAccountId()).isEqualTo(bob.personalAccountId());
    assertThat(moved.clientId()).isEqualTo(app.clientId());
    assertThat(directory.verifyClientSecret(app.clientId(), issued.clientSecret())).isPresent();
    mvc.perform(get(base(app)).with(as(acme.admin()))).andExpect(status().isNotFound());
    mvc.perform(get(base(app)).with(as(bob))).andExpect(status().isOk());
    assertThat(
            jdbc.sql(
                    "select diff from aud_entry where account_id = :a"
                        + " and action = 'application.transferred'")
                .param("a", acme.id())
                .query(String.class)
                .list())
        .singleElement()
        .asString()
        .contains(acme.account().name())
        .contains(bob.email());
  }

  @Test
  void adminTransfersTheirPersonalAppToTheirCompanyAndStillSeesIt() throws Exception {
    Company acme = accounts.company("Acme");
    User admin = acme.admin();
    Application app = register(management, admin, admin.personalAccountId()).application();
    assertThat(page(admin, base(app) + "/transfer")).contains(acme.account().name());

    mvc.perform(
            post(base(app) + "/transfer")
                .param("toAccountId", acme.id().toString())
                .with(as(admin))
                .with(csrf()))
        .andExpect(redirectedUrl(base(app)));

    assertThat(page(admin, "/my/developer/oauth-applications")).doesNotContain(app.name());
    assertThat(page(admin, "/accounts/" + acme.id() + "/developer/oauth-applications"))
        .contains(app.name());
  }

  @Test
  void theOperatorSearchesAnyCompanyAndTransfersToIt() throws Exception {
    Company acme = accounts.company("Acme");
    Company globex = accounts.company("Globex");
    User operator = accounts.operator();
    Application app = register(management, acme.admin(), acme.id()).application();
    assertThat(page(acme.admin(), base(app) + "/transfer?cq=" + globex.tag()))
        .doesNotContain("toAccountId=" + globex.id());

    assertThat(page(operator, base(app) + "/transfer?cq=" + globex.account().name()))
        .contains("toAccountId=" + globex.id());
    mvc.perform(
            post(base(app) + "/transfer")
                .param("toAccountId", globex.id().toString())
                .with(as(operator))
                .with(csrf()))
        .andExpect(redirectedUrl(base(app)));

    assertThat(management.application(app.id()).orElseThrow().ownerAccountId())
        .isEqualTo(globex.id());
  }

  @Test
  void theSearchOffersOnlyActiveFullUsersAndAnswersHtmxWithTheResultsAlone() throws Exception {
    Company acme = accounts.company("Acme");
    User light = accounts.member(acme, Role.MEMBER, License.LIGHT);
    User full = accounts.member(acme, Role.MEMBER, License.FULL);
    Application app = register(management, acme.admin(), acme.id()).application();

    String results =
        mvc.perform(
                get(base(app) + "/transfer")
                    .param("q", "@" + acme.tag() + ".test")
                    .header("HX-Request", "true")
                    .with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(results)
        .doesNotContain("<html")
        .contains(full.email())
        .doesNotContain(light.email());
  }

  @Test
  void aLightOrSuspendedPersonOrAnotherCompanyIsRefusedAndNothingChanges() throws Exception {
    Company acme = accounts.company("Acme");
    Company globex = accounts.company("Globex");
    User light = accounts.member(acme, Role.MEMBER, License.LIGHT);
    User suspended = accounts.member(acme, Role.MEMBER, License.FULL);
    users.changeUser(
        Actor.SYSTEM, acme.id(), suspended.id(), new UserChanges(null, null, UserState.SUSPENDED));
    Application app = register(management, acme.admin(), acme.id()).application();

    assertThat(refusal(acme.admin(), app, "toUserId", light.id())).contains("light");
    assertThat(refusal(acme.admin(), app, "toUserId", suspended.id())).contains("suspended");
    assertThat(refusal(acme.admin(), app, "toAccountId", globex.id()))
        .contains("choose a company or enterprise you administer");
    assertThat(refusal(acme.admin(), app, "toAccountId", acme.id())).contains("already owns");
    assertThat(
            mvc.perform(
                    get(base(app) + "/transfer/confirm")
                        .param("toUserId", light.id().toString())
                        .with(as(acme.admin())))
                .andExpect(status().isUnprocessableEntity())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("light")
        .doesNotContain("Transfer to");
    assertThat(management.application(app.id()).orElseThrow().ownerAccountId())
        .isEqualTo(acme.id());
  }

  @Test
  void aMemberAnEditorAnotherCompanysAdminAndAForgedIdGet404() throws Exception {
    Company acme = accounts.company("Acme");
    Company globex = accounts.company("Globex");
    User member = accounts.member(acme, Role.MEMBER, License.FULL);
    User editor = accounts.member(acme, Role.MEMBER, License.FULL);
    User bob = accounts.individual();
    Application app = register(management, acme.admin(), acme.id(), editor.email()).application();
    mvc.perform(get(base(app)).with(as(editor))).andExpect(status().isOk());

    for (User attacker : new User[] {member, editor, globex.admin(), bob}) {
      mvc.perform(get(base(app) + "/transfer").with(as(attacker))).andExpect(status().isNotFound());
      mvc.perform(get(base(app) + "/transfer/confirm?toUserId=" + bob.id()).with(as(attacker)))
          .andExpect(status().isNotFound());
      mvc.perform(
              post(base(app) + "/transfer")
                  .param("toAccountId", globex.id().toString())
                  .with(as(attacker))
                  .with(csrf()))
          .andExpect(status().isNotFound());
    }
    mvc.perform(
            post("/developer/oauth-applications/" + UUID.randomUUID() + "/transfer")
                .param("toUserId", bob.id().toString())
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(management.application(app.id()).orElseThrow().ownerAccountId())
        .isEqualTo(acme.id());
  }

  private String refusal(User me, Application app, String field, UUID id) throws Exception {
    return mvc.perform(
            post(base(app) + "/transfer").param(field, id.toString()).with(as(me)).with(csrf()))
        .andExpect(status().isUnprocessableEntity())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String page(User me, String path) throws Exception {
    return mvc.perform(get(path).with(as(me)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
