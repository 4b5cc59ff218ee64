package dev.portico.apikeys;

import dev.portico.apikeys.internal.KeyChanges;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each node's reader of the API-key change feed (DESIGN "Caches and revocation at scale"): once a
 * second it reads what changed since its last read and has the {@link ApiKeyDirectory} drop those
 * entries, so cached keys live long and the database load stays flat in the number of keys while a
 * revocation reaches every node within about a second.
 */
@Component
class KeyChangeFeed {

  private static final Logger log = LoggerFactory.getLogger(KeyChangeFeed.class);

  private final KeyChanges changes;
  private final ApiKeyDirectory directory;
  private final ApiKeysSettings settings;
  private final Clock clock;

  // The read position; only the (single) polling thread touches these.
  private volatile boolean closing;
  private Instant readFrom;
  private Map<UUID, Integer> applied = new HashMap<>();

  KeyChangeFeed(
      KeyChanges changes, ApiKeyDirectory directory, ApiKeysSettings settings, Clock clock) {
    this.changes = changes;
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
    this.readFrom = clock.instant();
  }

  /**
   * Reads the change feed and drops the entries it names: one range query on {@code changed_at}.
   * Each read reaches {@code changeFeedOverlap} back before the previous one, so that a change
   * committed a little after its time stamp, or stamped by a node whose clock is a little behind,
   * is still seen; changes already applied are recognised by their id. Each change is applied on
   * two reads in a row, so an entry that was being loaded from the old state while the first read
   * ran is dropped too.
   */
  @Scheduled(
      fixedDelayString = "${portico.apikeys.change-poll-interval:1s}",
      initialDelayString = "${portico.apikeys.change-poll-interval:1s}")
  synchronized void pollChanges() {
    if (closing) {
      return;
    }
    Instant startedAt = clock.instant();
    List<KeyChanges.Change> recent;
    try {
      recent = changes.since(readFrom.minus(settings.changeFeedOverlap()));
    } catch (DataAccessException e) {
      // Read again from the same point next time: nothing is lost while the database is away.
      log.warn("API-key change feed not read: {}", e.getMessage());
      return;
    }
    Set<String> accessKeys = new HashSet<>();
    Set<UUID> users = new HashSet<>();
    Set<UUID> accountIds = new HashSet<>();
    Map<UUID, Integer> seen = new HashMap<>();
    for (KeyChanges.Change change : recent) {
      int times = applied.getOrDefault(change.id(), 0);
      seen.put(change.id(), Math.min(times + 1, 2));
      if (times >= 2) {
        continue;
      }
      if (change.accessKey() != null) {
        accessKeys.add(change.accessKey());
      }
      if (change.userId() != null) {
        users.add(change.userId());
      }
      if (change.accountId() != null) {
        accountIds.add(change.accountId());
      }
    }
    directory.invalidate(accessKeys, users, accountIds);
    applied = seen;
    readFrom = startedAt;
  }

  /** Purges change rows no node needs any more. */
  @Scheduled(
      fixedDelayString = "${portico.apikeys.change-feed-purge-interval:1m}",
      initialDelayString = "${portico.apikeys.change-feed-purge-interval:1m}")
  void purgeChanges() {
    changes.purgeBefore(clock.instant().minus(settings.changeFeedRetention()));
  }

  /**
   * Stops reading the feed while the node shuts down: no new query on a closing connection pool.
   */
  @EventListener(ContextClosedEvent.class)
  void stopReadingChanges() {
    closing = true;
  }
}
