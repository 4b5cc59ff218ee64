package dev.portico.store;

import dev.portico.accounts.User;
import dev.portico.store.internal.SubscriptionRows;
import dev.portico.system.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions to store entries (STO-4): a user who may view an entry ({@link
 * StoreEntries#visibleTo}) may subscribe and unsubscribe; anyone else gets {@link NotFound}, as for
 * an entry that does not exist. Subscribers of a private entry are its beta testers (STO-3).
 */
@Service
@Transactional
public class StoreSubscriptions {

  private final StoreEntries entries;
  private final SubscriptionRows rows;
  private final Clock clock;

  StoreSubscriptions(StoreEntries entries, SubscriptionRows rows, Clock clock) {
    this.entries = entries;
    this.rows = rows;
    this.clock = clock;
  }

  /** Subscribes the user; true when this call added the subscription, false if it was there. */
  public boolean subscribe(User me, UUID entryId) {
    StoreEntry entry =
        entries.visibleTo(me, entryId).orElseThrow(() -> new NotFound("Store entry"));
    if (me.isLight()) {
      throw new NotFound("Store entry");
    }
    return rows.insert(entry.id(), me.id(), clock.instant());
  }

  /** Unsubscribes the user; true when there was a subscription. Always allowed for one's own. */
  public boolean unsubscribe(User me, UUID entryId) {
    return rows.delete(entryId, me.id());
  }

  @Transactional(readOnly = true)
  public boolean isSubscribed(User me, UUID entryId) {
    return rows.exists(entryId, me.id());
  }

  /** How many users subscribed to the entry (STO-3 counts them as beta testers while private). */
  @Transactional(readOnly = true)
  public long count(UUID entryId) {
    return rows.count(entryId);
  }

  /** The ids of the entries the user subscribed to, oldest first (visibility not re-checked). */
  @Transactional(readOnly = true)
  public List<UUID> entryIdsOf(User me) {
    return rows.entriesOf(me.id());
  }
}
