package dev.portico.accounts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the usage module tells Operator → Accounts and {@code GET /api/accounts/{id}} about an
 * account's annual allocation (USE-1). Those live in {@code accounts}, which may not import {@code
 * usage}; usage implements this. Without an implementation (a slice without usage) the pages show
 * no figures.
 */
public interface AllocationFacts {

  /** The current allocation, from a per-node cache: cheap enough for every read of an account. */
  Current current(UUID accountId);

  /** How the current allocation is made, read afresh: for the operator's page. */
  Summary about(UUID accountId);

  /**
   * The allocation of the period that contains today.
   *
   * @param periodEnd the period's last day (inclusive)
   */
  record Current(long allocation, LocalDate periodStart, LocalDate periodEnd) {}

  /**
   * How the allocation is made.
   *
   * @param perAccount the plan's calls per account
   * @param seats the plan's per-seat figures, one line per kind of seat it counts (users, full
   *     users); empty for a plan counted per account
   * @param planFigure what the plan gives this period (seats at its start and pro-rated additions)
   * @param override the operator's override, which replaces the plan figure when set
   */
  record Summary(
      Current current,
      Plan plan,
      long perAccount,
      List<SeatLine> seats,
      long planFigure,
      @Nullable Long override) {

    public Summary {
      seats = List.copyOf(seats);
    }
  }

  /**
   * One kind of seat a plan counts.
   *
   * @param kind {@code "user"} or {@code "full user"}
   * @param perSeat the plan's calls per such seat and year
   * @param atStart such seats when the period started
   * @param now such seats now
   * @param proRated the calls such seats added during the period bring (pro-rated, rounded down)
   */
  record SeatLine(String kind, long perSeat, long atStart, long now, long proRated) {}
}
