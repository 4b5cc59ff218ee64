package dev.portico.usage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One year of an account's allocation (USE-1): from {@code start} (inclusive) to {@code end}
 * (exclusive), a year after. Periods are the anniversaries of the allocation start date, each
 * computed from that date (never from the previous period), so a start on 29 February runs to 28
 * February in common years and comes back to 29 February in leap years, without drifting.
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
    // YEARS.between counts whole years by day of month: from 29 February, 28 February of the next
    // year is not yet a whole year, although plusYears(1) is that day. The anniversary decides.
    if (!allocationStart.plusYears(years + 1).isAfter(day)) {
      years++;
    }
    LocalDate start = allocationStart.plusYears(years);
    return new AllocationPeriod(start, allocationStart.plusYears(years + 1));
  }

  /** The number of days in the period: 365 or 366. */
  public long days() {
    return ChronoUnit.DAYS.between(start, end);
  }

  /**
   * The days of the period from {@code day} (inclusive) to its end: the whole period for a day
   * before it starts, none after it.
   */
  public long daysFrom(LocalDate day) {
    LocalDate from = day.isBefore(start) ? start : day;
    return Math.max(0, ChronoUnit.DAYS.between(from, end));
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }

  /** The last day of the period, inclusive. */
  public LocalDate lastDay() {
    return end.minusDays(1);
  }
}
