package dev.portico.usage.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * One cell of the detail counters ({@code use_counter}): account × UTC day × application × key ×
 * user × endpoint group; {@link #NONE} stands for "no application" (a key call) or "no key" (a
 * token call).
 */
record CounterKey(
    UUID accountId,
    LocalDate day,
    UUID applicationId,
    UUID keyId,
    UUID userId,
    String endpointGroup) {

  /** The nil UUID: "none" in a dimension, as V20 stores it. */
  static final UUID NONE = new UUID(0, 0);

  /**
   * The primary key's order: every node writes its batch in this order, so that two nodes' flushes
   * lock shared rows in the same order and never deadlock.
   */
  static final Comparator<CounterKey> ORDER =
      Comparator.comparing(CounterKey::accountId)
          .thenComparing(CounterKey::day)
          .thenComparing(CounterKey::applicationId)
          .thenComparing(CounterKey::keyId)
          .thenComparing(CounterKey::userId)
          .thenComparing(CounterKey::endpointGroup);
}
