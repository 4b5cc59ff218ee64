package dev.portico.store.internal;

import dev.portico.accounts.UserManagement;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationOrder;
import dev.portico.applications.ApplicationSummary;
import dev.portico.store.StoreEntries;
import dev.portico.store.StoreEntryDraft;
import dev.portico.system.Actor;
import dev.portico.system.ChangeFeed;
import dev.portico.system.ResultPage;
import dev.portico.system.StartupTask;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode (§15, issue 11 item 6): Dave's <em>STL Preview</em> is public in the store, so that
 * every demo user finds it on the Store page and can subscribe. Idempotent: the entry is created
 * and made PUBLIC once, when the app has none.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("portico.demo")
class DemoPublicStoreEntry implements StartupTask {

  static final String APP_NAME = "STL Preview";

  private static final Logger log = LoggerFactory.getLogger(DemoPublicStoreEntry.class);

  private final UserManagement users;
  private final ApplicationManagement applications;
  private final StoreEntries entries;
  private final JdbcClient jdbc;
  private final ChangeFeed feed;

  DemoPublicStoreEntry(
      UserManagement users,
      ApplicationManagement applications,
      StoreEntries entries,
      JdbcClient jdbc,
      ChangeFeed feed) {
    this.users = users;
    this.applications = applications;
    this.entries = entries;
    this.jdbc = jdbc;
    this.feed = feed;
  }

  @Override
  @Transactional
  public void run() {
    users
        .userByEmail("dave@example.test")
        .flatMap(
            dave ->
                applications
                    .applications(
                        dave.personalAccountId(),
                        ApplicationOrder.NAME,
                        true,
                        new ResultPage.Request(0, 50))
                    .items()
                    .stream()
                    .filter(a -> a.name().equals(APP_NAME))
                    .map(ApplicationSummary::id)
                    .findFirst())
        .flatMap(applications::application)
        .filter(app -> entries.entryOf(app).isEmpty())
        .ifPresent(
            app -> {
              var entry =
                  entries.create(
                      Actor.SYSTEM,
                      app,
                      new StoreEntryDraft(
                          app.name(),
                          "A 3D preview of your STL exports, on your desktop.",
                          app.type().name(),
                          "RENDERING",
                          "NONE",
                          Set.of(),
                          "**STL Preview** opens the STL files you export and shows them in 3D.\n\n"
                              + "- rotate, zoom and measure\n- compare two revisions side by side",
                          "https://stl-preview.example.test/help",
                          "help@stl-preview.example.test",
                          "Dave's Tools",
                          "1.2"),
                      List.of());
              jdbc.sql("update sto_entry set state = 'PUBLIC' where id = :id")
                  .param("id", entry.id())
                  .update();
              feed.record("store", app.id().toString());
              log.info("Demo mode: {} is public in the store", app.name());
            });
  }
}
