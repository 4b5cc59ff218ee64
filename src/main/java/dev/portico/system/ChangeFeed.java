package dev.portico.system;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * The one change feed of every cache (DESIGN "Caches and revocation at scale"). A module records,
 * in the transaction of a change, that a subject of a topic changed ({@code ("user", <user id>)},
 * {@code ("api-key", <access key>)}); each node reads the feed once every {@code
 * portico.system.change-poll-interval} with one indexed range query and hands the subjects to the
 * {@link ChangeSubscriber}s of that topic, which drop what they cached. Cached entries can then
 * live for minutes while a revocation reaches every node within about the poll interval, and the
 * database load is one query per node per interval, whatever the number of cached entries.
 *
 * <p>On the node that made the change, the subscribers hear of it at once, right after the commit
 * (or at once when there is no transaction). A rolled-back change leaves no row and tells nobody.
 *
 * <p>Topics are owned by the module that records them: {@code "user"} and {@code "account"} by
 * accounts, {@code "api-key"} by apikeys, {@code "grant"} by authserver.
 */
@Component
public class ChangeFeed {

  static final int MAX_TOPIC = 32;
  static final int MAX_SUBJECT = 128;

  private final ChangeRows rows;
  private final ChangeSubscribers subscribers;
  private final Clock clock;

  ChangeFeed(ChangeRows rows, ChangeSubscribers subscribers, Clock clock) {
    this.rows = rows;
    this.subscribers = subscribers;
    this.clock = clock;
  }

  /** Records, in the caller's transaction, that this subject of this topic changed. */
  public void record(String topic, String subject) {
    record(topic, Set.of(subject));
  }

  /** Records, in the caller's transaction, that these subjects of this topic changed. */
  public void record(String topic, Collection<String> subjects) {
    Assert.isTrue(!topic.isEmpty() && topic.length() <= MAX_TOPIC, "bad topic");
    if (subjects.isEmpty()) {
      return;
    }
    Set<String> changed = Set.copyOf(subjects);
    for (String subject : changed) {
      Assert.isTrue(subject.length() <= MAX_SUBJECT, "subject too long");
      rows.insert(topic, subject, clock.instant());
    }
    Map<String, Set<String>> local = Map.of(topic, changed);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              subscribers.deliver(local);
            }
          });
    } else {
      subscribers.deliver(local);
    }
  }
}
