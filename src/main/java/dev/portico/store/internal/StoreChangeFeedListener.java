package dev.portico.store.internal;

import dev.portico.store.StoreEntryChanged;
import dev.portico.system.ChangeFeed;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells every node's store caches (topic {@code store}, subject the app's id) that an entry became
 * public, stopped existing, or changed: in the transaction of the change (a plain, synchronous
 * listener), so a rolled-back change tells nobody.
 */
@Component
class StoreChangeFeedListener {

  static final String TOPIC = "store";
  private static final Set<String> ACTIONS =
      Set.of("store-entry.approved", "store-entry.deleted", "store-entry.updated");

  private final ChangeFeed feed;

  StoreChangeFeedListener(ChangeFeed feed) {
    this.feed = feed;
  }

  @EventListener
  void on(StoreEntryChanged event) {
    if (ACTIONS.contains(event.action())) {
      feed.record(TOPIC, event.applicationId().toString());
    }
  }
}
