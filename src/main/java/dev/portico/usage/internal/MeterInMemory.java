package dev.portico.usage.internal;

import dev.portico.accounts.ApiCaller;
import dev.portico.usage.Allocations;
import dev.portico.usage.UnmeteredApplications;
import dev.portico.usage.UsageMeter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The meter on the hot path (USE-2..4, USE-7): a counted call adds 1 to this node's in-memory cell
 * (day × application × key × user × endpoint group, {@link PendingCounts}) and to its account's
 * view ({@link AccountView}); {@link UsageFlush} writes the cells to the database every window. The
 * allocation check reads the view: the account's stored total as of the last window plus this
 * node's counts not yet in it. No database round trip, no lock, in the steady state; only the first
 * call of an account on a node reads its allocation and total.
 *
 * <p>The day of a call is its UTC date when it is counted; its period is the account's allocation
 * period that holds that day.
 */
@Component
class MeterInMemory implements UsageMeter {

  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final int MAX_GROUP_LENGTH = 32; // use_counter.endpoint_group

  private final PendingCounts pending = new PendingCounts();
  private final AccountViews views;
  private final Clock clock;
  private volatile Today today = new Today(Long.MIN_VALUE, LocalDate.MIN);

  private final UnmeteredApplications unmetered;

  /** A meter that counts every app's calls (isolated test meters). */
  MeterInMemory(Allocations allocations, CounterTable table, Clock clock) {
    this(allocations, table, clock, List.of());
  }

  /** The node's meter; {@code unmetered} is the store's list of public apps (at most one). */
  @Autowired
  MeterInMemory(
      Allocations allocations,
      CounterTable table,
      Clock clock,
      List<UnmeteredApplications> unmetered) {
    this.views = new AccountViews(allocations, table);
    this.clock = clock;
    this.unmetered = unmetered.isEmpty() ? UnmeteredApplications.NONE : unmetered.get(0);
  }

  @Override
  public boolean exhausted(ApiCaller caller) {
    if (!Metered.counts(caller, unmetered)) {
      return false;
    }
    AccountView view = views.of(caller.accountId());
    views.loadIfUnknown(view);
    return view.exhausted();
  }

  @Override
  public void count(ApiCaller caller, String endpointGroup, int status) {
    if (!Metered.countsStatus(status) || !Metered.counts(caller, unmetered)) {
      return;
    }
    UUID account = caller.accountId();
    pending.add(
        new CounterKey(
            account,
            today(),
            orNone(caller.applicationId()),
            orNone(caller.keyId()),
            caller.userId(),
            endpointGroup.length() > MAX_GROUP_LENGTH
                ? endpointGroup.substring(0, MAX_GROUP_LENGTH)
                : endpointGroup));
    views.of(account).pending.increment();
  }

  PendingCounts pending() {
    return pending;
  }

  AccountViews views() {
    return views;
  }

  /** Today's UTC date, computed once per day rather than per call. */
  LocalDate today() {
    long day = Math.floorDiv(clock.millis(), MILLIS_PER_DAY);
    Today known = today;
    if (known.epochDay() != day) {
      known = new Today(day, LocalDate.ofEpochDay(day));
      today = known;
    }
    return known.date();
  }

  private static UUID orNone(@Nullable UUID id) {
    return id != null ? id : CounterKey.NONE;
  }

  private record Today(long epochDay, LocalDate date) {}
}
