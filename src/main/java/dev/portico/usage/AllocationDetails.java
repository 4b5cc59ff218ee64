package dev.portico.usage;

import dev.portico.accounts.Plan;
import org.jspecify.annotations.Nullable;

/**
 * How an account's allocation of its current period is made (USE-1), as Operator → Accounts shows
 * it.
 *
 * @param usersAtStart members (any state) when the period started; the current ones while no seat
 *     has changed in the period. 1 for an individual account (its owner)
 * @param fullUsersAtStart members with a {@code FULL} license when the period started
 * @param users members now
 * @param fullUsers full members now
 * @param usersProRated the calls that members added during the period beyond its highest count so
 *     far bring, pro-rated to the days left when each was added and rounded down
 * @param fullUsersProRated the same for full members
 * @param planFigure what the plan gives this period: its figures × the seats at the start, plus
 *     {@link #proRated}
 * @param override the operator's override, which replaces {@code planFigure} when set
 */
public record AllocationDetails(
    AccountAllocation allocation,
    Plan plan,
    PlanFigures figures,
    long usersAtStart,
    long fullUsersAtStart,
    long users,
    long fullUsers,
    long usersProRated,
    long fullUsersProRated,
    long planFigure,
    @Nullable Long override) {

  /** The calls all seats added during the period bring. */
  public long proRated() {
    return usersProRated + fullUsersProRated;
  }
}
