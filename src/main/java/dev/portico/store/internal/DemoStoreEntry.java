package dev.portico.store.internal;

import dev.portico.accounts.UserManagement;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationOrder;
import dev.portico.applications.ApplicationSummary;
import dev.portico.store.LaunchChecklist;
import dev.portico.store.ManualChecklistItem;
import dev.portico.store.StoreEntries;
import dev.portico.store.StoreEntryDraft;
import dev.portico.system.Actor;
import dev.portico.system.ResultPage;
import dev.portico.system.StartupTask;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode (§15, issue 11 item 6): Acme's <em>Acme PLM Connector</em> gets a private store entry
 * with a partly done launch checklist — two manual items ticked, the privacy policy not; no support
 * email, no image, no beta tester yet, and its {@code http://localhost} redirect URL does not count
 * as https. Once, when the app has no entry.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("portico.demo")
class DemoStoreEntry implements StartupTask {

  static final String APP_NAME = "Acme PLM Connector";

  private static final Logger log = LoggerFactory.getLogger(DemoStoreEntry.class);

  private final UserManagement users;
  private final ApplicationManagement applications;
  private final StoreEntries entries;
  private final LaunchChecklist checklist;

  DemoStoreEntry(
      UserManagement users,
      ApplicationManagement applications,
      StoreEntries entries,
      LaunchChecklist checklist) {
    this.users = users;
    this.applications = applications;
    this.entries = entries;
    this.checklist = checklist;
  }

  @Override
  @Transactional
  public void run() {
    Application app =
        users
            .userByEmail("alice@acme.test")
            .map(dev.portico.accounts.User::companyId)
            .flatMap(
                acme ->
                    applications
                        .applications(
                            acme, ApplicationOrder.NAME, true, new ResultPage.Request(0, 200))
                        .items()
                        .stream()
                        .filter(a -> a.name().equals(APP_NAME))
                        .map(ApplicationSummary::id)
                        .findFirst())
            .flatMap(applications::application)
            .orElse(null);
    if (app == null || entries.entryOf(app).isPresent()) {
      return;
    }
    entries.create(
        Actor.SYSTEM,
        app,
        new StoreEntryDraft(
            app.name(),
            app.summary(),
            app.type().name(),
            "DATA_MANAGEMENT",
            "ALL_INTERNAL",
            Set.of(),
            "Keeps **part numbers** and *revisions* in step with Acme's PLM:\n\n"
                + "- pushes new revisions\n- pulls released part numbers",
            "https://plm.acme.test/support",
            null,
            "Acme Corp",
            "0.9"),
        List.of());
    checklist.tick(Actor.SYSTEM, app, ManualChecklistItem.DEVELOPER_AGREEMENT.key(), true);
    checklist.tick(Actor.SYSTEM, app, ManualChecklistItem.FINAL_TESTING.key(), true);
    log.info("Demo mode: created the private store entry of {}", APP_NAME);
  }
}
