package dev.portico.store;

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
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * STO-3's manual checklist items: ticked and unticked by the app's managers only (a member, a light
 * user, another company's admin, a forged app id and a request without CSRF token are refused,
 * nothing ticked), each tick audited; the entry's page shows the checklist, what is missing and
 * Request publication disabled until everything is done.
 */
@PorticoTest
class ManualChecklistItemsTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired LaunchFixtures launches;
  @Autowired LaunchChecklist checklist;
  @Autowired StoreEntries entries;
  @Autowired StoreSubscriptions subscriptions;
  @Autowired ApplicationManagement applications;
  @Autowired JdbcClient jdbc;

  @Test
  void manualItemsAreTickedAndUntickedByManagersAndAudited() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = launches.app(acme.admin(), acme.id());
    StoreEntry entry = launches.entry(acme.admin(), app);
    String tick = "/developer/oauth-applications/" + app.id() + "/store-entry/checklist";

    mvc.perform(
            post(tick)
                .param("item", "final-testing")
                .param("done", "true")
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl(entry.url()))
        .andExpect(flash().attribute("flash", "Ticked “Final testing passed”"));
    assertThat(done(entry))
        .containsEntry("final-testing", true)
        .containsEntry("privacy-policy", false);
    assertThat(audits(entry, "store-entry.checklist-ticked")).isOne();

    mvc.perform(
            post(tick)
                .param("item", "final-testing")
                .param("done", "false")
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(done(entry)).containsEntry("final-testing", false);
    assertThat(audits(entry, "store-entry.checklist-ticked")).isEqualTo(2);

    mvc.perform(
            post(tick)
                .param("item", "oauth-url")
                .param("done", "true")
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attributeExists("launchError"));
    assertThat(
            jdbc.sql("select count(*) from sto_checklist_tick where entry_id = :id")
                .param("id", entry.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void nobodyButTheAppsManagersTicksAnItem() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    Application app = launches.app(acme.admin(), acme.id());
    StoreEntry entry = launches.entry(acme.admin(), app);
    String tick = "/developer/oauth-applications/" + app.id() + "/store-entry/checklist";

    for (User attacker : List.of(member, light, globex.admin())) {
      mvc.perform(
              post(tick)
                  .param("item", "final-testing")
                  .param("done", "true")
                  .with(as(attacker))
                  .with(csrf()))
          .andExpect(status().isNotFound());
    }
    mvc.perform(
            post("/developer/oauth-applications/" + UUID.randomUUID() + "/store-entry/checklist")
                .param("item", "final-testing")
                .param("done", "true")
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(
            post(tick).param("item", "final-testing").param("done", "true").with(as(acme.admin())))
        .andExpect(status().isForbidden()); // no CSRF token
    assertThat(done(entry)).containsEntry("final-testing", false);
    assertThat(audits(entry, "store-entry.checklist-ticked")).isZero();
  }

  @Test
  void theEntryPageShowsTheChecklistWhatIsMissingAndADisabledRequest() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = launches.app(acme.admin(), acme.id());
    StoreEntry entry = launches.entry(acme.admin(), app);
    launches.tickAll(acme.admin(), app);
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);

    String page = page(entry, acme.admin());
    assertThat(page)
        .contains("Launch checklist")
        .contains("Developer agreement signed")
        .contains("Missing: At least 5 beta testers subscribed.")
        .containsPattern(
            "<button type=\"submit\" class=\"primary\"[^>]*disabled=\"disabled\"[^>]*>Request publication")
        .contains("name=\"_csrf\"");
    assertThat(page(entry, member)).doesNotContain("Launch checklist");

    launches.betaTesters(acme, entry, LaunchChecklist.BETA_TESTERS);
    assertThat(page(entry, acme.admin()))
        .doesNotContain("Missing:")
        .containsPattern("<button type=\"submit\" class=\"primary\">Request publication");
  }

  private String page(StoreEntry entry, User user) throws Exception {
    return mvc.perform(get(entry.url()).with(as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private Map<String, Boolean> done(StoreEntry entry) {
    return checklist.itemsOf(entry).stream()
        .collect(Collectors.toMap(ChecklistItem::key, ChecklistItem::done));
  }

  private long audits(StoreEntry entry, String action) {
    return jdbc.sql("select count(*) from aud_entry where action = :a and target = :t")
        .param("a", action)
        .param("t", "store entry " + entry.name())
        .query(Long.class)
        .single();
  }
}
