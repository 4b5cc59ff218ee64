package dev.portico.system;

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
 * Each node's reader of the {@link ChangeFeed}: once every {@code change-poll-interval} it reads
 * what changed since its last read and hands it to the {@link ChangeSubscriber}s.
 */
@Component
class ChangeFeedReader {

  private static final Logger log = LoggerFactory.getLogger(ChangeFeedReader.class);

  private final ChangeRows rows;
  private final ChangeSubscribers subscribers;
  private final SystemSettings settings;
  private final Clock clock;

  // The read position; only the (single) polling thread touches these.
  private volatile boolean closing;
  private Instant readFrom;
  private Map<UUID, Integer> applied = new HashMap<>();

  ChangeFeedReader(
      ChangeRows rows, ChangeSubscribers subscribers, SystemSettings settings, Clock clock) {
    this.rows = rows;
    this.subscribers = subscribers;
    this.settings = settings;
    this.clock = clock;
    this.readFrom = clock.instant();
  }

  /**
   * Reads the feed and delivers what it names: one range query on {@code changed_at}. Each read
   * reaches {@code changeFeedOverlap} back before the previous one, so that a change committed a
   * little after its time stamp, or stamped by a node whose clock is a little behind, is still
   * seen; changes already applied are recognised by their id. Each change is delivered on two reads
   * in a row, so that an entry that was being loaded from the old state while the first read ran is
   * dropped too. When the database cannot be read, the next read starts from the same point:
   * nothing is lost.
   */
  @Scheduled(
      fixedDelayString = "${portico.system.change-poll-interval:1s}",
      initialDelayString = "${portico.system.change-poll-interval:1s}")
  synchronized void pollChanges() {
    if (closing) {
      return;
    }
    Instant startedAt = clock.instant();
    List<ChangeRows.Change> recent;
    try {
      recent = rows.since(readFrom.minus(settings.changeFeedOverlap()));
    } catch (DataAccessException e) {
      log.warn("Change feed not read: {}", e.getMessage());
      return;
    }
    Map<String, Set<String>> byTopic = new HashMap<>();
    Map<UUID, Integer> seen = new HashMap<>();
    for (ChangeRows.Change change : recent) {
      int times = applied.getOrDefault(change.id(), 0);
      seen.put(change.id(), Math.min(times + 1, 2));
      if (times < 2) {
        byTopic.computeIfAbsent(change.topic(), t -> new HashSet<>()).add(change.subject());
      }
    }
    subscribers.deliver(byTopic);
    applied = seen;
    readFrom = startedAt;
  }

  /** Purges change rows no node needs any more. */
  @Scheduled(
      fixedDelayString = "${portico.system.change-feed-purge-interval:1m}",
      initialDelayString = "${portico.system.change-feed-purge-interval:1m}")
  void purgeChanges() {
    if (closing) {
      return;
    }
    try {
      rows.purgeBefore(clock.instant().minus(settings.changeFeedRetention()));
    } catch (DataAccessException e) {
      log.warn("Change feed not purged: {}", e.getMessage());
    }
  }

  /** Stops reading the feed while the node shuts down: no new query on a closing pool. */
  @EventListener(ContextClosedEvent.class)
  void stopReadingChanges() {
    closing = true;
  }
}
