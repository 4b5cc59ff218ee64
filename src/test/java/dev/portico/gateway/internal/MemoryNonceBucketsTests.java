package dev.portico.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.internal.NonceStore.Use;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The time-bucketed set of the memory nonce store: remembered a whole window, bounded, strict. */
class MemoryNonceBucketsTests {

  static final Duration WINDOW = Duration.ofMinutes(10); // twice the default skew: 1 min slots
  static final long T0 = 1_699_999_980_000L; // a whole minute

  final MemoryNonceBuckets buckets = new MemoryNonceBuckets(WINDOW, 1000);

  @Test
  void identityIsRefusedAgainInTheSameAndInLaterSlotsForTheWholeWindow() {
    assertThat(buckets.add("k:n1", T0)).isEqualTo(Use.FIRST);
    assertThat(buckets.add("k:n1", T0 + 1)).isEqualTo(Use.REPLAYED);
    for (long at = T0 + 30_000; at <= T0 + WINDOW.toMillis(); at += 30_000) {
      assertThat(buckets.add("k:n1", at)).as("at +%d ms", at - T0).isEqualTo(Use.REPLAYED);
    }
    assertThat(buckets.add("k:n2", T0 + 5 * 60_000)).isEqualTo(Use.FIRST);
  }

  @Test
  void wholeBucketsAreDroppedOnceOlderThanTheWindow() {
    buckets.add("k:old", T0);
    buckets.add("k:newer", T0 + 5 * 60_000);
    long later = T0 + WINDOW.toMillis() + 2 * 60_000;
    buckets.dropExpired(later);
    assertThat(buckets.size()).isEqualTo(1);
    assertThat(buckets.add("k:old", later)).isEqualTo(Use.FIRST);
    assertThat(buckets.add("k:newer", later)).isEqualTo(Use.REPLAYED);
  }

  @Test
  void aFullSetRefusesNewIdentitiesButStillKnowsReplays() {
    MemoryNonceBuckets small = new MemoryNonceBuckets(WINDOW, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(small.add("k:" + i, T0 + i * 90_000L)).isEqualTo(Use.FIRST);
    }
    assertThat(small.add("k:new", T0 + 300_000)).isEqualTo(Use.UNAVAILABLE);
    assertThat(small.add("k:0", T0 + 300_000)).isEqualTo(Use.REPLAYED);
    assertThat(small.add("k:2", T0 + 300_000)).isEqualTo(Use.REPLAYED);
    assertThat(small.size()).isEqualTo(3); // refusals take back what they added
    long later = T0 + WINDOW.toMillis() + 2 * 60_000;
    small.dropExpired(later); // k:0's and k:1's slots are gone: room again
    assertThat(small.size()).isEqualTo(1);
    assertThat(small.add("k:later", later)).isEqualTo(Use.FIRST);
  }

  @Test
  void restoredIdentitiesAreRefusedAndTooOldOnesAreNotRestored() {
    long now = T0 + WINDOW.toMillis();
    assertThat(buckets.restore("k:recent", now - 60_000, now)).isTrue();
    assertThat(buckets.restore("k:ancient", now - 2 * WINDOW.toMillis(), now)).isFalse();
    assertThat(buckets.add("k:recent", now)).isEqualTo(Use.REPLAYED);
    assertThat(buckets.add("k:ancient", now)).isEqualTo(Use.FIRST);
  }

  @Test
  void oneIdentityAddedByManyThreadsAtOnceAcrossASlotChangeIsFirstAtMostOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 200; round++) {
        String id = "k:race" + round;
        long boundary = T0 + (round + 1) * 60_000L; // two threads just before, two just after
        CyclicBarrier start = new CyclicBarrier(4);
        List<Future<Use>> uses = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          long at = boundary + (t < 2 ? -1 : 0);
          Callable<Use> add =
              () -> {
                start.await();
                return buckets.add(id, at);
              };
          uses.add(threads.submit(add));
        }
        int first = 0;
        for (Future<Use> use : uses) {
          first += use.get() == Use.FIRST ? 1 : 0;
        }
        assertThat(first).as("round %d", round).isLessThanOrEqualTo(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
