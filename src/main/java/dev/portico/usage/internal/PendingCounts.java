package dev.portico.usage.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This node's counts not yet written (USE-7): one {@link LongAdder} per {@link CounterKey}. A call
 * costs a map lookup and an increment; no lock is held.
 *
 * <p><b>Exact draining.</b> {@link #drain} takes each adder's value with {@link
 * LongAdder#sumThenReset}, which moves every cell to 0 with an atomic get-and-set: an increment
 * made at the same time lands either in this drain or in the next, never in none or both. Entries
 * are never removed while a call could still be adding to them: only entries of days before
 * yesterday (UTC) are removed, and a removed adder is drained once more at the next flush before it
 * is dropped, for a call that found it just before its removal.
 */
final class PendingCounts {

  private final ConcurrentHashMap<CounterKey, LongAdder> counts = new ConcurrentHashMap<>();
  private List<Map.Entry<CounterKey, LongAdder>> retired = List.of(); // flush thread only

  void add(CounterKey key) {
    LongAdder adder = counts.get(key);
    if (adder == null) {
      adder = counts.computeIfAbsent(key, k -> new LongAdder());
    }
    adder.increment();
  }

  /** Puts counts back, after a flush that did not commit. */
  void restore(Map<CounterKey, Long> drained) {
    drained.forEach((key, n) -> counts.computeIfAbsent(key, k -> new LongAdder()).add(n));
  }

  /**
   * Takes every pending count (flush thread only): each one is in the answer or still pending,
   * never both. Retires the entries of days before {@code today - 1}.
   */
  Map<CounterKey, Long> drain(LocalDate today) {
    Map<CounterKey, Long> drained = new HashMap<>();
    for (Map.Entry<CounterKey, LongAdder> late : retired) {
      take(drained, late.getKey(), late.getValue());
    }
    List<Map.Entry<CounterKey, LongAdder>> retiring = new ArrayList<>();
    LocalDate oldest = today.minusDays(1);
    counts.forEach(
        (key, adder) -> {
          if (key.day().isBefore(oldest) && counts.remove(key, adder)) {
            retiring.add(Map.entry(key, adder));
          }
          take(drained, key, adder);
        });
    retired = retiring;
    return drained;
  }

  private static void take(Map<CounterKey, Long> drained, CounterKey key, LongAdder adder) {
    long n = adder.sumThenReset();
    if (n != 0) {
      drained.merge(key, n, Long::sum);
    }
  }

  /** How many cells this node holds (a gauge for tests and metrics). */
  int size() {
    return counts.size();
  }
}
