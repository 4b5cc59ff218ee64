package dev.portico.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.internal.NonceStore.Key;
import dev.portico.gateway.internal.NonceStore.Use;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The memory nonce store's rules without a database (the table is a map): replays refused in any
 * letter case, accepted nonces written behind and reloaded by the next store, a failing
 * write-behind keeping replays refused, and a failing start-up reload failing closed. Ticks are
 * called by the test (the interval is an hour).
 */
class MemoryNonceStoreTests {

  static final Duration WINDOW = Duration.ofMinutes(10);

  final Map<Key, Instant> rows = new ConcurrentHashMap<>();
  volatile boolean databaseDown;
  final MemoryNonceStore.Table table =
      new MemoryNonceStore.Table() {
        @Override
        public int[] insert(List<Key> keys, Instant seenAt) {
          if (databaseDown) {
            throw new IllegalStateException("database down");
          }
          return keys.stream().mapToInt(k -> rows.putIfAbsent(k, seenAt) == null ? 1 : 0).toArray();
        }

        @Override
        public void forEachSince(Instant since, BiConsumer<Key, Instant> row) {
          if (databaseDown) {
            throw new IllegalStateException("database down");
          }
          rows.forEach(
              (k, at) -> {
                if (!at.isBefore(since)) {
                  row.accept(k, at);
                }
              });
        }
      };
  MemoryNonceStore store = newStore();

  MemoryNonceStore newStore() {
    return new MemoryNonceStore(table, Clock.systemUTC(), WINDOW, 1000, Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    store.stop();
  }

  @Test
  void replayIsRefusedInAnyLetterCaseAndPerAccessKey() {
    store.start();
    assertThat(store.firstUse("KeyOne", "ABCDEFGHIJKLMNOPqrst")).isEqualTo(Use.FIRST);
    assertThat(store.firstUse("KeyOne", "ABCDEFGHIJKLMNOPqrst")).isEqualTo(Use.REPLAYED);
    assertThat(store.firstUse("KeyOne", "abcdefghijklmnopQRST")).isEqualTo(Use.REPLAYED);
    assertThat(store.firstUse("KeyTwo", "ABCDEFGHIJKLMNOPqrst")).isEqualTo(Use.FIRST);
  }

  @Test
  void acceptedNoncesAreWrittenBehindInLowerCaseAndReloadedByTheNextStart() {
    store.start();
    assertThat(store.firstUse("KeyOne", "WrittenAtTheTick0001")).isEqualTo(Use.FIRST);
    store.tick();
    assertThat(rows).containsKey(new Key("KeyOne", "writtenatthetick0001"));
    assertThat(store.firstUse("KeyOne", "WrittenAtShutdown001")).isEqualTo(Use.FIRST);
    store.stop();
    assertThat(rows).containsKey(new Key("KeyOne", "writtenatshutdown001"));
    assertThat(store.firstUse("KeyOne", "RefusedWhenStopped01")).isEqualTo(Use.UNAVAILABLE);

    store = newStore();
    store.start();
    assertThat(store.firstUse("KeyOne", "writtenatthetick0001")).isEqualTo(Use.REPLAYED);
    assertThat(store.firstUse("KeyOne", "WRITTENATSHUTDOWN001")).isEqualTo(Use.REPLAYED);
    assertThat(store.firstUse("KeyOne", "RefusedWhenStopped01")).isEqualTo(Use.FIRST);
  }

  @Test
  void aFailingWriteBehindKeepsReplaysRefusedAndIsRetried() {
    store.start();
    databaseDown = true;
    assertThat(store.firstUse("KeyOne", "KeptWhileTheDbIsDown")).isEqualTo(Use.FIRST);
    store.tick();
    assertThat(rows).isEmpty();
    assertThat(store.firstUse("KeyOne", "KeptWhileTheDbIsDown")).isEqualTo(Use.REPLAYED);
    assertThat(store.write()).isFalse();
    databaseDown = false;
    store.tick();
    assertThat(rows).containsOnlyKeys(new Key("KeyOne", "keptwhilethedbisdown"));
  }

  @Test
  void aFailingStartUpReloadRefusesEveryNonceUntilAReloadSucceeds() {
    rows.put(new Key("KeyOne", "seenbeforetherestart"), Instant.now());
    databaseDown = true;
    store.start();
    assertThat(store.firstUse("KeyOne", "SeenBeforeTheRestart")).isEqualTo(Use.UNAVAILABLE);
    assertThat(store.firstUse("KeyOne", "NeverSeenAnywhere001")).isEqualTo(Use.UNAVAILABLE);
    store.tick(); // still down
    assertThat(store.firstUse("KeyOne", "NeverSeenAnywhere001")).isEqualTo(Use.UNAVAILABLE);
    databaseDown = false;
    store.tick();
    assertThat(store.firstUse("KeyOne", "SeenBeforeTheRestart")).isEqualTo(Use.REPLAYED);
    assertThat(store.firstUse("KeyOne", "NeverSeenAnywhere001")).isEqualTo(Use.FIRST);
  }

  @Test
  void rowsOlderThanTheWindowAreNotReloaded() {
    rows.put(
        new Key("KeyOne", "tooold00000000000001"), Instant.now().minus(WINDOW).minusSeconds(5));
    store.start();
    assertThat(store.firstUse("KeyOne", "TooOld00000000000001")).isEqualTo(Use.FIRST);
  }
}
