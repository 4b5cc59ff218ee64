package dev.portico.usage;

import dev.portico.accounts.AllocationFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Usage's answer to Operator → Accounts and the account REST resource: {@link Allocations}. */
@Component
class UsageAllocationFacts implements AllocationFacts {

  private final Allocations allocations;

  UsageAllocationFacts(Allocations allocations) {
    this.allocations = allocations;
  }

  @Override
  public Current current(UUID accountId) {
    return of(allocations.current(accountId));
  }

  @Override
  public Summary about(UUID accountId) {
    AllocationDetails d = allocations.details(accountId);
    PlanFigures f = d.figures();
    List<SeatLine> seats = new ArrayList<>();
    if (f.perUser() > 0) {
      seats.add(new SeatLine("user", f.perUser(), d.usersAtStart(), d.users(), d.usersProRated()));
    }
    if (f.perFullUser() > 0) {
      seats.add(
          new SeatLine(
              "full user",
              f.perFullUser(),
              d.fullUsersAtStart(),
              d.fullUsers(),
              d.fullUsersProRated()));
    }
    return new Summary(
        of(d.allocation()), d.plan(), f.perAccount(), seats, d.planFigure(), d.override());
  }

  private static Current of(AccountAllocation a) {
    return new Current(a.allocation(), a.period().start(), a.period().lastDay());
  }
}
