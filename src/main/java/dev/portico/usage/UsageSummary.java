package dev.portico.usage;

import java.util.List;
import java.util.UUID;

/**
 * An account's usage of its current period (USE-6): calls counted so far against the allocation.
 *
 * @param percent {@code used} as a percentage of {@code allocation}, rounded down to one decimal
 *     (so 100 shows only once the allocation is used up); 100 for a zero allocation once a call is
 *     counted
 * @param thresholdsReached the thresholds (25, 50, 75, 100) recorded as reached in this period
 *     (USE-5), ascending
 */
public record UsageSummary(
    UUID accountId,
    AllocationPeriod period,
    long allocation,
    long used,
    double percent,
    List<Integer> thresholdsReached) {

  /** The thresholds of USE-5, in percent. */
  public static final List<Integer> THRESHOLDS = List.of(25, 50, 75, 100);

  public UsageSummary {
    thresholdsReached = List.copyOf(thresholdsReached);
  }

  /** {@code used} of {@code allocation} in percent, rounded down to one decimal. */
  public static double percentOf(long used, long allocation) {
    if (allocation <= 0) {
      return used > 0 ? 100.0 : 0.0;
    }
    return Math.floor(used * 1000.0 / allocation) / 10.0;
  }

  public boolean reached(int threshold) {
    return thresholdsReached.contains(threshold);
  }
}
