package dev.portico.usage.internal;

import dev.portico.usage.AccountAllocation;
import dev.portico.usage.AllocationPeriod;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one flush adds: the drained detail cells, and the day and period totals they make (USE-6's
 * chart and breakdowns). A "none" dimension (no application for a key call, no key for a token
 * call) gets no breakdown row.
 */
record FlushBatch(
    Map<CounterKey, Long> counters,
    Map<CounterTable.DayKey, Long> days,
    Map<CounterTable.PeriodKey, Long> periods,
    Set<UUID> accounts) {

  static final String ALL = "all";

  /**
   * The batch of these drained cells; {@code allocations} gives each account's cached period. An
   * account without one (deleted since its calls) gets its detail and day rows only.
   */
  static FlushBatch of(Map<CounterKey, Long> drained, Map<UUID, AccountAllocation> allocations) {
    Map<CounterTable.DayKey, Long> days = new HashMap<>();
    Map<CounterTable.PeriodKey, Long> periods = new HashMap<>();
    Set<UUID> accounts = new HashSet<>();
    drained.forEach(
        (key, n) -> {
          accounts.add(key.accountId());
          days.merge(new CounterTable.DayKey(key.accountId(), key.day()), n, Long::sum);
          AccountAllocation allocation = allocations.get(key.accountId());
          if (allocation == null) {
            return;
          }
          AllocationPeriod period = AccountView.periodOf(allocation.period(), key.day());
          add(periods, key, period, ALL, "", n);
          if (!key.applicationId().equals(CounterKey.NONE)) {
            add(periods, key, period, "application", key.applicationId().toString(), n);
          }
          if (!key.keyId().equals(CounterKey.NONE)) {
            add(periods, key, period, "apiKey", key.keyId().toString(), n);
          }
          add(periods, key, period, "user", key.userId().toString(), n);
          add(periods, key, period, "endpoint", key.endpointGroup(), n);
        });
    return new FlushBatch(Map.copyOf(drained), days, periods, accounts);
  }

  boolean isEmpty() {
    return counters.isEmpty();
  }

  long calls() {
    return counters.values().stream().mapToLong(Long::longValue).sum();
  }

  private static void add(
      Map<CounterTable.PeriodKey, Long> periods,
      CounterKey key,
      AllocationPeriod period,
      String dimension,
      String dimKey,
      long n) {
    periods.merge(
        new CounterTable.PeriodKey(key.accountId(), period.start(), dimension, dimKey),
        n,
        Long::sum);
  }
}
