package dev.portico.usage.internal;

import dev.portico.usage.AccountAllocation;
import dev.portico.usage.AllocationPeriod;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * One node's view of an account's allocation (USE-4): the account's allocation and period (cached,
 * refreshed each flush window), its period total as last read from the database, and this node's
 * counts not yet in that total — pending (counted since the last drain) and unconfirmed (drained,
 * being written). An estimate for the 402 decision only; the stored counters never depend on it.
 */
final class AccountView {

  final UUID accountId;
  final LongAdder pending = new LongAdder();
  final AtomicLong unconfirmed = new AtomicLong();
  private volatile @Nullable AccountAllocation allocation;
  private volatile long flushed;
  private volatile long lastSeenWindow;
  private int recordedThreshold; // flush thread only: highest threshold known stored this period
  private @Nullable LocalDate recordedFor;

  AccountView(UUID accountId, long window) {
    this.accountId = accountId;
    this.lastSeenWindow = window;
  }

  /**
   * Flushed total + this node's unwritten counts ≥ allocation; false while the allocation is
   * unknown.
   */
  boolean exhausted() {
    AccountAllocation known = allocation;
    return known != null && used() >= known.allocation();
  }

  long used() {
    return flushed + unconfirmed.get() + pending.sum();
  }

  @Nullable AccountAllocation allocation() {
    return allocation;
  }

  void allocation(AccountAllocation current) {
    this.allocation = current;
  }

  void flushed(long total) {
    this.flushed = total;
  }

  long flushed() {
    return flushed;
  }

  void seen(long window) {
    if (lastSeenWindow != window) { // one volatile write per account and window, not per call
      lastSeenWindow = window;
    }
  }

  long lastSeenWindow() {
    return lastSeenWindow;
  }

  /** The highest threshold this node knows stored for the period (flush thread only). */
  int recordedThreshold(AllocationPeriod period) {
    return period.start().equals(recordedFor) ? recordedThreshold : 0;
  }

  void recordedThreshold(AllocationPeriod period, int threshold) {
    if (!period.start().equals(recordedFor) || threshold > recordedThreshold) {
      recordedFor = period.start();
      recordedThreshold = threshold;
    }
  }

  /** The period that holds this day: the cached one, or the one before or after it. */
  static AllocationPeriod periodOf(AllocationPeriod current, LocalDate day) {
    if (current.contains(day)) {
      return current;
    }
    if (day.isBefore(current.start())) {
      LocalDate start = current.start();
      while (day.isBefore(start)) {
        start = start.minusYears(1);
      }
      return AllocationPeriod.containing(start, day);
    }
    return AllocationPeriod.containing(current.start(), day);
  }
}
