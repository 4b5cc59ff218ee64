package dev.portico.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * The change feed (DESIGN "Caches and revocation at scale"): one range query per read whatever is
 * cached, each read reaching back by the overlap, each change delivered on two reads and then
 * ignored, an outage read again from the same point, subscribers handed only their topics, and the
 * node that made a change told after its commit (never after a rollback).
 */
class ChangeFeedReaderTests {

  final SystemSettings settings =
      new SystemSettings(
          DataSize.ofMegabytes(1),
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofHours(1));
  final ChangeRows rows = mock(ChangeRows.class);
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final Recording users = new Recording(Set.of("user", "account"));
  final Recording keys = new Recording(Set.of("api-key"));
  ChangeSubscribers subscribers;
  ChangeFeedReader reader;

  @BeforeEach
  void setUp() {
    @SuppressWarnings("unchecked")
    ObjectProvider<ChangeSubscriber> provider = mock(ObjectProvider.class);
    when(provider.orderedStream()).thenAnswer(call -> Stream.of(users, keys));
    subscribers = new ChangeSubscribers(provider);
    reader = new ChangeFeedReader(rows, subscribers, settings, clock);
    when(rows.since(any())).thenReturn(List.of());
  }

  @AfterEach
  void clearSynchronization() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  @Test
  void eachReadIsOneQueryAndNothingIsDeliveredWhenNothingChanged() {
    for (int second = 0; second < 60; second++) {
      clock.advance(Duration.ofSeconds(1));
      reader.pollChanges();
    }

    verify(rows, times(60)).since(any());
    assertThat(users.received).isEmpty();
    assertThat(keys.received).isEmpty();
  }

  @Test
  void subscribersAreHandedOnlyTheTopicsTheyAskedFor() {
    String user = UUID.randomUUID().toString();
    feed(change("user", user), change("api-key", "AK1"), change("api-key", "AK2"));

    reader.pollChanges();

    assertThat(users.received).containsExactly(Map.of("user", Set.of(user)));
    assertThat(keys.received).containsExactly(Map.of("api-key", Set.of("AK1", "AK2")));
  }

  @Test
  void changeSeenAgainInTheOverlapIsDeliveredOnTwoReadsThenIgnored() {
    feed(change("api-key", "AK1"));

    reader.pollChanges();
    reader.pollChanges();
    reader.pollChanges();
    reader.pollChanges();

    // the second read catches an entry that was being loaded from the old state during the first
    assertThat(keys.received).hasSize(2);
  }

  @Test
  void eachReadReachesBackByTheOverlapBeforeThePreviousRead() {
    Instant first = clock.instant();
    reader.pollChanges();
    clock.advance(Duration.ofSeconds(1));
    reader.pollChanges();

    ArgumentCaptor<Instant> since = ArgumentCaptor.forClass(Instant.class);
    verify(rows, times(2)).since(since.capture());
    assertThat(since.getAllValues())
        .containsExactly(
            first.minus(settings.changeFeedOverlap()), first.minus(settings.changeFeedOverlap()));
  }

  @Test
  void feedThatCannotBeReadIsReadFromTheSamePointNextTime() {
    Instant first = clock.instant();
    when(rows.since(any()))
        .thenThrow(new DataAccessResourceFailureException("down"))
        .thenReturn(List.of());
    reader.pollChanges();
    clock.advance(Duration.ofSeconds(3));
    reader.pollChanges();

    ArgumentCaptor<Instant> since = ArgumentCaptor.forClass(Instant.class);
    verify(rows, times(2)).since(since.capture());
    assertThat(since.getAllValues().get(1)).isEqualTo(first.minus(settings.changeFeedOverlap()));
  }

  @Test
  void aSubscriberThatThrowsDoesNotStopTheOthers() {
    ChangeSubscriber failing =
        new ChangeSubscriber() {
          @Override
          public Set<String> topics() {
            return Set.of("api-key");
          }

          @Override
          public void changed(ChangedSubjects changes) {
            throw new IllegalStateException("broken cache");
          }
        };
    @SuppressWarnings("unchecked")
    ObjectProvider<ChangeSubscriber> provider = mock(ObjectProvider.class);
    when(provider.orderedStream()).thenAnswer(call -> Stream.of(failing, keys));
    reader = new ChangeFeedReader(rows, new ChangeSubscribers(provider), settings, clock);
    feed(change("api-key", "AK1"));

    reader.pollChanges();

    assertThat(keys.received).containsExactly(Map.of("api-key", Set.of("AK1")));
  }

  @Test
  void oldRowsArePurgedAfterTheRetentionAndNothingIsReadOnceTheNodeCloses() {
    reader.purgeChanges();
    verify(rows).purgeBefore(eq(clock.instant().minus(settings.changeFeedRetention())));

    reader.stopReadingChanges();
    reader.pollChanges();
    reader.purgeChanges();
    verify(rows, never()).since(any());
    verify(rows, times(1)).purgeBefore(any());
  }

  @Test
  void theNodeThatMadeAChangeIsToldAfterItsCommitAndNeverAfterARollback() {
    ChangeFeed feed = new ChangeFeed(rows, subscribers, clock);

    TransactionSynchronizationManager.initSynchronization();
    feed.record("api-key", "AK1");
    verify(rows).insert("api-key", "AK1", clock.instant());
    assertThat(keys.received).as("not before the commit").isEmpty();
    List<TransactionSynchronization> committing =
        TransactionSynchronizationManager.getSynchronizations();
    TransactionSynchronizationManager.clearSynchronization();
    committing.forEach(TransactionSynchronization::afterCommit);
    assertThat(keys.received).containsExactly(Map.of("api-key", Set.of("AK1")));

    TransactionSynchronizationManager.initSynchronization();
    feed.record("api-key", "AK2");
    List<TransactionSynchronization> rollingBack =
        TransactionSynchronizationManager.getSynchronizations();
    TransactionSynchronizationManager.clearSynchronization();
    rollingBack.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
    assertThat(keys.received).hasSize(1);

    feed.record("api-key", "AK3"); // no transaction: at once
    assertThat(keys.received).last().isEqualTo(Map.of("api-key", Set.of("AK3")));
  }

  private void feed(ChangeRows.Change... changes) {
    when(rows.since(any())).thenReturn(List.of(changes));
  }

  private ChangeRows.Change change(String topic, String subject) {
    return new ChangeRows.Change(UUID.randomUUID(), topic, subject, clock.instant());
  }

  /** A subscriber that remembers what it was handed. */
  static final class Recording implements ChangeSubscriber {

    final Set<String> topics;
    final List<Map<String, Set<String>>> received = new ArrayList<>();

    Recording(Set<String> topics) {
      this.topics = topics;
    }

    @Override
    public Set<String> topics() {
      return topics;
    }

    @Override
    public void changed(ChangedSubjects changes) {
      received.add(changes.byTopic());
    }
  }

  /** A clock the test moves forward by hand. */
  static final class MutableClock extends Clock {

    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
