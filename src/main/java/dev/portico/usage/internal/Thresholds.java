package dev.portico.usage.internal;

import java.util.List;

/** The thresholds of USE-5: 25, 50, 75 and 100 % of a period's allocation. */
final class Thresholds {

  static final List<Integer> LEVELS = List.of(25, 50, 75, 100);

  private Thresholds() {}

  /** The highest threshold {@code used} has reached ({@code used ≥ t % of allocation}), or 0. */
  static int highestReached(long used, long allocation) {
    if (allocation <= 0) {
      return 0; // nothing can be counted against a zero allocation: every counted call is 402
    }
    int highest = 0;
    for (int level : LEVELS) {
      if (Math.multiplyExact(used, 100L) >= Math.multiplyExact(allocation, (long) level)) {
        highest = level;
      }
    }
    return highest;
  }
}
