package dev.portico.store;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationUseSource;
import dev.portico.store.internal.EntryRows;
import dev.portico.store.internal.SubscriptionRows;
import dev.portico.system.ChangeFeed;
import dev.portico.system.Forbidden;
import dev.portico.system.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions to store entries (STO-4): a user who may view an entry ({@link
 * StoreEntries#visibleTo}) may subscribe and unsubscribe, except light users; anyone else gets
 * {@link NotFound}, as for an entry that does not exist. Subscribers of a private entry are its
 * beta testers (STO-3). Subscribers see the app's extensions (EXT-5) and, when members of the
 * owning company, may authorize it (SHR-3's rule, through {@link ApplicationUseSource}).
 */
@Service
@Transactional
public class StoreSubscriptions {

  private final StoreEntries entries;
  private final SubscriptionRows rows;
  private final EntryRows entryRows;
  private final ChangeFeed feed;
  private final Clock clock;

  StoreSubscriptions(
      StoreEntries entries,
      SubscriptionRows rows,
      EntryRows entryRows,
      ChangeFeed feed,
      Clock clock) {
    this.entries = entries;
    this.rows = rows;
    this.entryRows = entryRows;
    this.feed = feed;
    this.clock = clock;
  }

  /**
   * Subscribes the user; true when this call added the subscription, false if it was there. A light
   * user who may view the entry (a public one) is {@link Forbidden}: light users do not subscribe.
   */
  public boolean subscribe(User me, UUID entryId) {
    StoreEntry entry =
        entries.visibleTo(me, entryId).orElseThrow(() -> new NotFound("Store entry"));
    if (me.isLight()) {
      throw new Forbidden("Light users cannot subscribe to store entries.");
    }
    boolean added = rows.insert(entry.id(), me.id(), clock.instant());
    if (added) {
      feed.record(ApplicationUseSource.TOPIC, entry.applicationId().toString());
    }
    return added;
  }

  /**
   * Unsubscribes the user; true when there was a subscription. Always allowed for one's own; every
   * node forgets that the user may use the app through it (new authorizations and Bearer calls are
   * refused to a member of the owning company from then on).
   */
  public boolean unsubscribe(User me, UUID entryId) {
    boolean removed = rows.delete(entryId, me.id());
    if (removed) {
      entryRows
          .find(entryId)
          .ifPresent(e -> feed.record(ApplicationUseSource.TOPIC, e.applicationId().toString()));
    }
    return removed;
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
