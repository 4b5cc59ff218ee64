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
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.store.LaunchFixtures.Launch;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * STO-3's launch checklist: every automatic item follows its condition on the app and the entry;
 * the manual items are ticked by the app's managers only (a member, a light user, another company's
 * admin and a forged id get 404), each tick audited; the entry's page shows the checklist, what is
 * missing and Request publication disabled until everything is done.
 */
@PorticoTest
class LaunchChecklistTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired LaunchFixtures launches;
  @Autowired LaunchChecklist checklist;
  @Autowired StoreEntries entries;
  @Autowired StoreSubscriptions subscriptions;
  @Autowired ApplicationManagement applications;
  @Autowired JdbcClient jdbc;

  @Test
  void everyAutomaticItemFlipsWhenItsConditionChanges() {
    Company acme = fixtures.company("Acme");
    Launch l = launches.ready(acme);
    assertThat(LaunchChecklist.missing(checklist.itemsOf(l.entry()))).isEmpty();

    Application app = l.app();
    app = change(app, d -> withOauthUrl(d, null));
    assertThat(missingKeys(l)).containsExactly("oauth-url");
    app = change(app, d -> withOauthUrl(d, "https://app.example.com/start"));

    app =
        change(
            app,
            d -> withRedirects(d, List.of("https://a.example/cb", "http://localhost:3000/cb")));
    assertThat(missingKeys(l)).containsExactly("redirect-urls");
    app = change(app, d -> withRedirects(d, List.of("https://a.example/cb")));
    assertThat(missingKeys(l)).isEmpty();

    app = change(app, d -> withType(d, ApplicationType.CONNECTED_CLOUD));
    assertThat(missingKeys(l)).containsExactly("type-matches");
    app = change(app, d -> withType(d, ApplicationType.INTEGRATED_CLOUD));

    StoreEntryDraft draft = StoreEntryDraft.of(entry(l));
    update(l, app, withSupport(draft, draft.supportUrl(), null), false);
    assertThat(missingKeys(l)).containsExactly("support");
    update(l, app, withSupport(draft, null, "help@example.com"), false);
    assertThat(missingKeys(l)).containsExactly("support");
    update(l, app, draft, false);
    assertThat(missingKeys(l)).isEmpty();

    update(l, app, draft, true); // removes the images
    assertThat(missingKeys(l)).containsExactly("description-images");
    entries.update(
        StoreFixtures.actor(acme.admin()), app, draft, List.of(LaunchFixtures.image()), false);
    update(l, app, withDescription(draft, null), false);
    assertThat(missingKeys(l)).containsExactly("description-images");
    update(l, app, draft, false);
    assertThat(missingKeys(l)).isEmpty();

    UUID tester =
        jdbc.sql("select user_id from sto_subscription where entry_id = :id limit 1")
            .param("id", l.entry().id())
            .query(UUID.class)
            .single();
    jdbc.sql("delete from sto_subscription where entry_id = :id and user_id = :u")
        .param("id", l.entry().id())
        .param("u", tester)
        .update();
    assertThat(missingKeys(l)).containsExactly("beta-testers");
    launches.betaTesters(acme, l.entry(), 1);
    assertThat(missingKeys(l)).isEmpty();
  }

  @Test
  void aDesktopAppMayKeepItsLoopbackRedirectButNotTheOutOfBandUrn() {
    Company acme = fixtures.company("Acme");
    Launch l = launches.ready(acme);
    Application app =
        change(
            l.app(),
            d ->
                withRedirects(
                    withType(d, ApplicationType.CONNECTED_DESKTOP),
                    List.of("http://127.0.0.1:8765/cb")));
    update(l, app, withType(StoreEntryDraft.of(entry(l)), "CONNECTED_DESKTOP"), false);
    assertThat(missingKeys(l)).isEmpty();
    change(
        app,
        d -> withRedirects(d, List.of("http://127.0.0.1:8765/cb", "urn:ietf:wg:oauth:2.0:oob")));
    assertThat(missingKeys(l)).containsExactly("redirect-urls");
  }

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

  private StoreEntry entry(Launch l) {
    return entries.entryOf(l.app()).orElseThrow();
  }

  private List<String> missingKeys(Launch l) {
    return LaunchChecklist.missing(checklist.itemsOf(entry(l))).stream()
        .map(ChecklistItem::key)
        .toList();
  }

  private Application change(Application app, Function<ApplicationDraft, ApplicationDraft> how) {
    Application current = applications.application(app.id()).orElseThrow();
    return applications.update(
        StoreFixtures.actor(fixtures.operator()), current, how.apply(ApplicationDraft.of(current)));
  }

  private void update(Launch l, Application app, StoreEntryDraft draft, boolean removeImages) {
    entries.update(StoreFixtures.actor(l.company().admin()), app, draft, List.of(), removeImages);
  }

  private static ApplicationDraft withOauthUrl(ApplicationDraft d, String url) {
    return new ApplicationDraft(
        d.name(),
        d.primaryFormat(),
        d.summary(),
        d.redirectUrls(),
        d.type(),
        url,
        d.supportsCollaboration(),
        d.scopes(),
        d.adminTeamId(),
        d.collaborators());
  }

  private static ApplicationDraft withRedirects(ApplicationDraft d, List<String> urls) {
    return new ApplicationDraft(
        d.name(),
        d.primaryFormat(),
        d.summary(),
        urls,
        d.type(),
        d.oauthUrl(),
        d.supportsCollaboration(),
        d.scopes(),
        d.adminTeamId(),
        d.collaborators());
  }

  private static ApplicationDraft withType(ApplicationDraft d, ApplicationType type) {
    return new ApplicationDraft(
        d.name(),
        d.primaryFormat(),
        d.summary(),
        d.redirectUrls(),
        type,
        d.oauthUrl(),
        d.supportsCollaboration(),
        d.scopes(),
        d.adminTeamId(),
        d.collaborators());
  }

  private static StoreEntryDraft withSupport(StoreEntryDraft d, String url, String email) {
    return new StoreEntryDraft(
        d.name(),
        d.summary(),
        d.type(),
        d.category(),
        d.teamVisibility(),
        d.visibleTeamIds(),
        d.description(),
        url,
        email,
        d.vendor(),
        d.version());
  }

  private static StoreEntryDraft withDescription(StoreEntryDraft d, String description) {
    return new StoreEntryDraft(
        d.name(),
        d.summary(),
        d.type(),
        d.category(),
        d.teamVisibility(),
        d.visibleTeamIds(),
        description,
        d.supportUrl(),
        d.supportEmail(),
        d.vendor(),
        d.version());
  }

  private static StoreEntryDraft withType(StoreEntryDraft d, String type) {
    return new StoreEntryDraft(
        d.name(),
        d.summary(),
        type,
        d.category(),
        d.teamVisibility(),
        d.visibleTeamIds(),
        d.description(),
        d.supportUrl(),
        d.supportEmail(),
        d.vendor(),
        d.version());
  }
}
