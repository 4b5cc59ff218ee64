package dev.portico.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.UserManagement;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationOrder;
import dev.portico.applications.ApplicationSummary;
import dev.portico.store.ChecklistItem;
import dev.portico.store.EntryState;
import dev.portico.store.LaunchChecklist;
import dev.portico.store.StoreEntries;
import dev.portico.store.StoreEntry;
import dev.portico.support.EmbeddedPostgresSupport;
import dev.portico.system.ResultPage;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Demo mode (issue 11, item 6): Acme's PLM Connector has a private store entry whose checklist is
 * partly done — some manual items ticked, some automatic ones missing — and running the task again
 * changes nothing. The configuration of {@code DemoExtensionsTests}, so they share one context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "portico.demo=true")
@ContextConfiguration(initializers = EmbeddedPostgresSupport.Initializer.class)
class DemoStoreEntryTests {

  @Autowired UserManagement users;
  @Autowired ApplicationManagement applications;
  @Autowired StoreEntries entries;
  @Autowired LaunchChecklist checklist;
  @Autowired DemoStoreEntry demo;

  @Test
  void acmesAppHasAPrivateEntryWithAPartlyDoneChecklist() {
    StoreEntry entry = entry();
    assertThat(entry.state()).isEqualTo(EntryState.PRIVATE);
    Map<String, Boolean> done =
        checklist.itemsOf(entry).stream()
            .collect(Collectors.toMap(ChecklistItem::key, ChecklistItem::done));
    assertThat(done)
        .containsEntry("oauth-url", true)
        .containsEntry("type-matches", true)
        .containsEntry("redirect-urls", false)
        .containsEntry("support", false)
        .containsEntry("beta-testers", false)
        .containsEntry("developer-agreement", true)
        .containsEntry("final-testing", true)
        .containsEntry("privacy-policy", false);

    demo.run();
    assertThat(entry().updatedAt()).isEqualTo(entry.updatedAt());
  }

  private StoreEntry entry() {
    var acme =
        Objects.requireNonNull(users.userByEmail("alice@acme.test").orElseThrow().companyId());
    ApplicationSummary app =
        applications
            .applications(acme, ApplicationOrder.NAME, true, new ResultPage.Request(0, 200))
            .items()
            .stream()
            .filter(a -> a.name().equals(DemoStoreEntry.APP_NAME))
            .findFirst()
            .orElseThrow();
    return entries.entryOf(applications.application(app.id()).orElseThrow()).orElseThrow();
  }
}
