package dev.portico.usage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One year of an account's allocation (USE-1): from {@code start} (inclusive) to {@code end}
 * (exclusive), a year after.
 */
public record AllocationPeriod(LocalDate start, LocalDate end) {

  /**
   * The period of an allocation that started on {@code allocationStart}, containing {@code day}.
   */
  public static AllocationPeriod containing(LocalDate allocationStart, LocalDate day) {
    if (day.isBefore(allocationStart)) {
      return new AllocationPeriod(allocationStart, allocationStart.plusYears(1));
    }
    long years = ChronoUnit.YEARS.between(allocationStart, day);
    LocalDate start = allocationStart.plusYears(years);
    return new AllocationPeriod(start, allocationStart.plusYears(years + 1));
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }

  /** The last day of the period, inclusive. */
  public LocalDate lastDay() {
    return end.minusDays(1);
  }
}
