package dev.portico.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** USE-1: "A period runs a year from the account's allocation start date." */
class AllocationPeriodTests {

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void periodContainingItsFirstDayStartsThatDayAndEndsAYearLater() {
    AllocationPeriod p = AllocationPeriod.containing(d("2026-03-15"), d("2026-03-15"));
    assertThat(p).isEqualTo(new AllocationPeriod(d("2026-03-15"), d("2027-03-15")));
    assertThat(p.lastDay()).isEqualTo(d("2027-03-14"));
    assertThat(p.days()).isEqualTo(365);
  }

  @Test
  void lastDayOfAPeriodIsInItAndTheAnniversaryStartsTheNext() {
    LocalDate start = d("2026-03-15");
    assertThat(AllocationPeriod.containing(start, d("2027-03-14")).start()).isEqualTo(start);
    assertThat(AllocationPeriod.containing(start, d("2027-03-15")))
        .isEqualTo(new AllocationPeriod(d("2027-03-15"), d("2028-03-15")));
    assertThat(AllocationPeriod.containing(start, d("2031-07-01")).start())
        .isEqualTo(d("2031-03-15"));
  }

  @Test
  void todayBeforeTheStartIsInTheFirstPeriod() {
    AllocationPeriod p = AllocationPeriod.containing(d("2026-09-01"), d("2026-01-10"));
    assertThat(p).isEqualTo(new AllocationPeriod(d("2026-09-01"), d("2027-09-01")));
    assertThat(p.contains(d("2026-01-10"))).isFalse();
    assertThat(p.daysFrom(d("2026-01-10"))).isEqualTo(p.days());
  }

  @Test
  void leapDayStartRunsTo28FebruaryInCommonYearsAndBackTo29InLeapYears() {
    LocalDate leap = d("2024-02-29");
    AllocationPeriod first = AllocationPeriod.containing(leap, d("2025-02-27"));
    assertThat(first).isEqualTo(new AllocationPeriod(leap, d("2025-02-28")));
    assertThat(first.days()).isEqualTo(365);
    // 28 February 2025 is the anniversary: no longer in the first period (it used to be lost)
    AllocationPeriod second = AllocationPeriod.containing(leap, d("2025-02-28"));
    assertThat(second).isEqualTo(new AllocationPeriod(d("2025-02-28"), d("2026-02-28")));
    assertThat(second.contains(d("2025-02-28"))).isTrue();
    AllocationPeriod fourth = AllocationPeriod.containing(leap, d("2028-02-28"));
    assertThat(fourth).isEqualTo(new AllocationPeriod(d("2027-02-28"), d("2028-02-29")));
    assertThat(fourth.days()).isEqualTo(366);
    assertThat(AllocationPeriod.containing(leap, d("2028-02-29")).start())
        .isEqualTo(d("2028-02-29"));
  }

  @Test
  void everyDayOfTenYearsFromALeapDayIsInExactlyTheOnePeriodThatContainsIt() {
    LocalDate leap = d("2024-02-29");
    AllocationPeriod previous = null;
    for (LocalDate day = leap; day.isBefore(d("2034-03-01")); day = day.plusDays(1)) {
      AllocationPeriod p = AllocationPeriod.containing(leap, day);
      assertThat(p.contains(day)).as(day.toString()).isTrue();
      if (previous != null && !previous.equals(p)) {
        assertThat(p.start()).as("contiguous at " + day).isEqualTo(previous.end());
      }
      previous = p;
    }
  }

  @Test
  void daysFromCountsTheRemainingDaysIncludingThatDay() {
    AllocationPeriod p = AllocationPeriod.containing(d("2026-01-01"), d("2026-06-01"));
    assertThat(p.daysFrom(d("2026-01-01"))).isEqualTo(365);
    assertThat(p.daysFrom(d("2026-12-31"))).isEqualTo(1);
    assertThat(p.daysFrom(d("2027-01-01"))).isZero();
  }
}
