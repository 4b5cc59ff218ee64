package dev.portico.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.store.LaunchFixtures.Launch;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * STO-3's automatic checklist items: each follows its condition on the app (OAuth URL, redirect
 * URLs, type) or the entry (support URL and email, description and images, five beta testers) at
 * every read; a desktop app may keep a loopback redirect, the out-of-band URN never counts.
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
