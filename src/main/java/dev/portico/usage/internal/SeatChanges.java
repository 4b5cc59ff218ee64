package dev.portico.usage.internal;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountUpdated;
import dev.portico.accounts.License;
import dev.portico.accounts.UserAdded;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserRemoved;
import dev.portico.accounts.UserUpdated;
import dev.portico.system.ChangeFeed;
import dev.portico.usage.AllocationPeriod;
import dev.portico.usage.Allocations;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link SeatPeriod} of a company's current allocation period as its members come and go
 * (USE-1), and tells every node's {@link Allocations} cache through the {@link ChangeFeed} (topic
 * {@value Allocations#TOPIC}, subject the account id) when an account's allocation may have
 * changed: a seat change, or the operator changing the plan, override or allocation start.
 *
 * <p>Synchronous on purpose ({@code @EventListener}, in the transaction of the change, not after
 * the commit): the seat row and the feed row commit with the change or not at all, and they are
 * written under the lock of the account's row that every change of a company's members takes first,
 * so two changes of one company never race on its row. {@link UserAdded} covers accepted
 * invitations too ({@code InvitationAccepted} is always followed by it). Suspension does not free a
 * seat, so only license changes of {@link UserUpdated} count.
 */
@Component
class SeatChanges {

  private static final Set<String> ALLOCATION_FIELDS =
      Set.of("plan", "allocationStart", "allocationOverride");

  private final AccountManagement accounts;
  private final UserManagement users;
  private final SeatCounts counts;
  private final SeatPeriods periods;
  private final ChangeFeed feed;
  private final Clock clock;

  SeatChanges(
      AccountManagement accounts,
      UserManagement users,
      SeatCounts counts,
      SeatPeriods periods,
      ChangeFeed feed,
      Clock clock) {
    this.accounts = accounts;
    this.users = users;
    this.counts = counts;
    this.periods = periods;
    this.feed = feed;
    this.clock = clock;
  }

  @EventListener
  void on(UserAdded event) {
    seatsChanged(event.accountId(), new Seats(1, fullSeat(event.userId())));
  }

  @EventListener
  void on(UserRemoved event) {
    seatsChanged(event.accountId(), new Seats(-1, -fullSeat(event.userId())));
  }

  @EventListener
  void on(UserUpdated event) {
    if (event.diff().containsKey("license")) {
      seatsChanged(event.accountId(), new Seats(0, fullSeat(event.userId()) == 1 ? 1 : -1));
    }
  }

  @EventListener
  void on(AccountUpdated event) {
    if (event.diff().keySet().stream().anyMatch(ALLOCATION_FIELDS::contains)) {
      feed.record(Allocations.TOPIC, event.accountId().toString());
    }
  }

  /** 1 when the user (after the change) holds a full license, else 0. */
  private long fullSeat(UUID userId) {
    return users.user(userId).map(u -> u.license() == License.FULL ? 1L : 0L).orElse(0L);
  }

  /** A change that added (or, negative, removed) these seats was just made to the account. */
  private void seatsChanged(UUID accountId, Seats change) {
    // Every caller holds this lock already; taken again so that it stays true.
    Account account = accounts.lock(accountId);
    if (!account.isCompanyType()) {
      return; // an individual's account is created with its owner (UserAdded): no seat change
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    AllocationPeriod period = AllocationPeriod.containing(account.allocationStart(), today);
    Seats now = counts.of(account);
    SeatPeriod current = periods.find(accountId, period.start()).orElse(null);
    SeatPeriod updated;
    if (current == null) {
      current = SeatPeriod.starting(accountId, period, now.minus(change), now);
      updated = current.after(now, period, today);
      periods.insert(updated, clock.instant());
    } else {
      updated = current.after(now, period, today);
      if (!updated.equals(current)) {
        periods.update(updated, clock.instant());
      }
    }
    feed.record(Allocations.TOPIC, accountId.toString());
  }
}
