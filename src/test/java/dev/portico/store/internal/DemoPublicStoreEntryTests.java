package dev.portico.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.store.EntryState;
import dev.portico.store.StoreCatalog;
import dev.portico.store.StoreEntry;
import dev.portico.store.StoreSubscriptions;
import dev.portico.support.EmbeddedPostgresSupport;
import dev.portico.system.ResultPage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Demo mode's public store app (issue 11, item 6): Dave's STL Preview is PUBLIC in the store, every
 * demo user finds it, and each full user can subscribe (and unsubscribe again). The same
 * configuration as the other demo tests, so they share one context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "portico.demo=true")
@ContextConfiguration(initializers = EmbeddedPostgresSupport.Initializer.class)
class DemoPublicStoreEntryTests {

  @Autowired UserManagement users;
  @Autowired StoreCatalog catalog;
  @Autowired StoreSubscriptions subscriptions;
  @Autowired DemoPublicStoreEntry demo;

  @Test
  void stlPreviewIsPublicAndEveryDemoUserMaySubscribe() {
    demo.run(); // idempotent: a second run adds nothing
    for (String email :
        List.of(
            "alice@acme.test",
            "bob@acme.test",
            "lena@acme.test",
            "gina@globex.test",
            "dave@example.test")) {
      User user = users.userByEmail(email).orElseThrow();
      List<StoreEntry> found =
          catalog
              .search(user, DemoPublicStoreEntry.APP_NAME, null, new ResultPage.Request(0, 24))
              .entries()
              .items();
      assertThat(found).as(email).hasSize(1);
      StoreEntry entry = found.get(0);
      assertThat(entry.state()).isEqualTo(EntryState.PUBLIC);
      assertThat(entry.description()).isNotBlank();
      if (!user.isLight()) {
        subscriptions.subscribe(user, entry.id());
        assertThat(subscriptions.isSubscribed(user, entry.id())).as(email).isTrue();
        subscriptions.unsubscribe(user, entry.id());
      }
    }
  }
}
