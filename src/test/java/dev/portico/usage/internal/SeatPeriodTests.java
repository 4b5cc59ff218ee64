package dev.portico.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.usage.AllocationPeriod;
import dev.portico.usage.PlanFigures;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** USE-1: "A seat added mid-period adds a pro-rated share at once", decided once per period. */
class SeatPeriodTests {

  static final UUID ACCOUNT = UUID.randomUUID();
  static final AllocationPeriod PERIOD =
      AllocationPeriod.containing(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-01"));
  static final PlanFigures PER_USER = new PlanFigures(0, 5_000, 0);
  static final PlanFigures PER_FULL_USER = new PlanFigures(0, 0, 10_000);

  /** Three users (two full) at the start of the period. */
  static SeatPeriod threeUsers() {
    return SeatPeriod.starting(ACCOUNT, PERIOD, new Seats(3, 2), new Seats(4, 3));
  }

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void periodStartsWithTheSeatsBeforeTheChangeThatMadeIt() {
    SeatPeriod p = threeUsers();
    assertThat(p.atStart()).isEqualTo(new Seats(3, 2));
    assertThat(p.usersProRated(PER_USER, PERIOD)).isZero();
  }

  @Test
  void companyBeingCreatedStartsWithItsFirstAdmin() {
    SeatPeriod p = SeatPeriod.starting(ACCOUNT, PERIOD, new Seats(0, 0), new Seats(1, 1));
    assertThat(p.atStart()).isEqualTo(new Seats(1, 1));
    assertThat(p.after(new Seats(1, 1), PERIOD, day("2026-07-01")).usersProRated(PER_USER, PERIOD))
        .isZero();
  }

  @Test
  void seatAddedMidPeriodAddsItsShareOfTheRemainingDaysRoundedDown() {
    // 1 July 2026 to 31 December 2026: 184 of 365 days; 5,000 × 184 / 365 = 2,520.5 → 2,520
    SeatPeriod p = threeUsers().after(new Seats(4, 2), PERIOD, day("2026-07-01"));
    assertThat(p.usersProRated(PER_USER, PERIOD)).isEqualTo(2_520);
    assertThat(p.fullUsersProRated(PER_FULL_USER, PERIOD)).isZero();
  }

  @Test
  void seatAddedOnTheFirstDayAddsAWholeSeatAndOnTheLastDayOneDay() {
    assertThat(
            threeUsers()
                .after(new Seats(4, 2), PERIOD, PERIOD.start())
                .usersProRated(PER_USER, PERIOD))
        .isEqualTo(5_000);
    assertThat(
            threeUsers()
                .after(new Seats(4, 2), PERIOD, PERIOD.lastDay())
                .usersProRated(PER_USER, PERIOD))
        .isEqualTo(13); // 5,000 / 365 = 13.7
  }

  @Test
  void seatRemovedAndAddedAgainInThePeriodDoesNotAddTwice() {
    SeatPeriod added = threeUsers().after(new Seats(4, 2), PERIOD, day("2026-03-01"));
    SeatPeriod removed = added.after(new Seats(3, 2), PERIOD, day("2026-04-01"));
    SeatPeriod again = removed.after(new Seats(4, 2), PERIOD, day("2026-05-01"));
    assertThat(again).isEqualTo(added);
  }

  @Test
  void removalDoesNotReduceThePeriod() {
    SeatPeriod p = threeUsers().after(new Seats(1, 1), PERIOD, day("2026-03-01"));
    assertThat(p).isEqualTo(threeUsers());
    assertThat(p.atStart()).isEqualTo(new Seats(3, 2));
  }

  @Test
  void onlySeatsBeyondTheHighestCountSoFarAdd() {
    SeatPeriod p =
        threeUsers()
            .after(new Seats(1, 1), PERIOD, day("2026-02-01"))
            .after(new Seats(5, 2), PERIOD, day("2026-07-01"));
    // from 1 back to 5 passes the mark of 3 by two seats: 2 × 5,000 × 184 / 365 = 5,041
    assertThat(p.usersProRated(PER_USER, PERIOD)).isEqualTo(5_041);
  }

  @Test
  void fullLicenseGrantedMidPeriodAddsAFullUserShare() {
    SeatPeriod p = threeUsers().after(new Seats(3, 3), PERIOD, day("2026-07-01"));
    // 10,000 × 184 / 365 = 5,041.09 → 5,041
    assertThat(p.fullUsersProRated(PER_FULL_USER, PERIOD)).isEqualTo(5_041);
    assertThat(p.usersProRated(PER_USER, PERIOD)).isZero();
  }

  @Test
  void sharesAreRoundedOnceOverTheirSum() {
    SeatPeriod two =
        threeUsers()
            .after(new Seats(4, 2), PERIOD, day("2026-12-31"))
            .after(new Seats(5, 2), PERIOD, day("2026-12-31"));
    assertThat(two.usersProRated(PER_USER, PERIOD)).isEqualTo(27); // 10,000 / 365 = 27.4
  }
}
