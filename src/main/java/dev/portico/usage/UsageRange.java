package dev.portico.usage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The days a usage view shows (USE-6): {@code from} to {@code to}, both inclusive, inside one
 * allocation period.
 */
public record UsageRange(AllocationPeriod period, LocalDate from, LocalDate to) {

  public UsageRange {
    if (from.isAfter(to) || !period.contains(from) || !period.contains(to)) {
      throw new IllegalArgumentException("the range must lie inside the period, from <= to");
    }
  }

  /** The whole period, its first day to its last. */
  public static UsageRange of(AllocationPeriod period) {
    return new UsageRange(period, period.start(), period.lastDay());
  }

  /**
   * Whether the range is the whole period: its breakdowns are then read from the period's totals
   * rather than summed from the daily detail.
   */
  public boolean wholePeriod() {
    return from.equals(period.start()) && to.equals(period.lastDay());
  }

  /** How many days the range holds. */
  public int days() {
    return (int) ChronoUnit.DAYS.between(from, to) + 1;
  }
}
