package dev.portico.usage.internal;

import dev.portico.usage.AllocationPeriod;
import dev.portico.usage.PlanFigures;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The seats one allocation period of a company-type account is based on (USE-1): its seats when the
 * period started, the most it has had since, and the pro-rated share of every seat added beyond
 * that high-water mark. A seat added mid-period adds {@code per seat × remaining days / period
 * days} at once; a seat removed and added again in the same period adds nothing the second time
 * (the count only passes the mark once); a removal never lowers the period's allocation.
 *
 * @param usersAtStart members when the period started
 * @param fullAtStart members with a {@code FULL} license when the period started
 * @param usersHigh the most members in the period so far
 * @param fullHigh the most full members in the period so far
 * @param userSeatDays for every member added beyond {@code usersHigh}, the days from its addition
 *     to the end of the period, summed
 * @param fullSeatDays the same for full members
 */
public record SeatPeriod(
    UUID accountId,
    LocalDate periodStart,
    long usersAtStart,
    long fullAtStart,
    long usersHigh,
    long fullHigh,
    long userSeatDays,
    long fullSeatDays) {

  /**
   * The first record of a period, made by the first seat change in it: based on the seats before
   * that change. A company being created (no member before its first admin) starts with the seats
   * it is created with, so its first admin is a seat of the whole period, not a pro-rated addition.
   */
  public static SeatPeriod starting(
      UUID accountId, AllocationPeriod period, Seats before, Seats now) {
    Seats base = before.users() == 0 ? now : before;
    return new SeatPeriod(
        accountId,
        period.start(),
        base.users(),
        base.fullUsers(),
        base.users(),
        base.fullUsers(),
        0,
        0);
  }

  /**
   * After a change on {@code day} that left the account with these seats: seats beyond the
   * high-water marks add their days to the period's end; fewer seats change nothing.
   */
  public SeatPeriod after(Seats now, AllocationPeriod period, LocalDate day) {
    long remaining = period.daysFrom(day);
    long addedUsers = Math.max(0, now.users() - usersHigh);
    long addedFull = Math.max(0, now.fullUsers() - fullHigh);
    return new SeatPeriod(
        accountId,
        periodStart,
        usersAtStart,
        fullAtStart,
        usersHigh + addedUsers,
        fullHigh + addedFull,
        userSeatDays + addedUsers * remaining,
        fullSeatDays + addedFull * remaining);
  }

  /** The seats the period started with. */
  public Seats atStart() {
    return new Seats(usersAtStart, fullAtStart);
  }

  /**
   * The calls the members added during the period bring, pro-rated: per user × seat days / period
   * days, rounded down to whole calls (once over the sum, so two members added on one day bring
   * exactly what they would bring together).
   */
  public long usersProRated(PlanFigures figures, AllocationPeriod period) {
    return share(figures.perUser(), userSeatDays, period.days());
  }

  /** The same for full members, per full user. */
  public long fullUsersProRated(PlanFigures figures, AllocationPeriod period) {
    return share(figures.perFullUser(), fullSeatDays, period.days());
  }

  private static long share(long perSeat, long seatDays, long periodDays) {
    if (perSeat == 0 || seatDays == 0) {
      return 0;
    }
    return BigInteger.valueOf(perSeat)
        .multiply(BigInteger.valueOf(seatDays))
        .divide(BigInteger.valueOf(periodDays))
        .longValueExact();
  }
}
