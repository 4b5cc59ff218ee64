package dev.portico.usage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.Plan;
import dev.portico.system.ChangeFeed;
import dev.portico.system.ChangeSubscriber;
import dev.portico.system.ChangedSubjects;
import dev.portico.system.NotFound;
import dev.portico.usage.internal.SeatCounts;
import dev.portico.usage.internal.SeatPeriod;
import dev.portico.usage.internal.SeatPeriods;
import dev.portico.usage.internal.Seats;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Annual allocations (USE-1): the plan's figures ({@link AllocationSettings}: per account, per
 * user, per full user) × the seats the period started with, plus the pro-rated share of every seat
 * added during it ({@code usage.internal.SeatPeriod}), replaced by the operator's override when one
 * is set, over the period that runs a year from the account's allocation start date (days in UTC).
 *
 * <p>{@link #current} is asked by every node's metering flush every window and by the usage page,
 * so each node keeps the answers in a bounded cache for up to {@value #CACHE_MINUTES} minutes. What
 * keeps them current is the {@link ChangeFeed}: a seat change or a change of the plan, override or
 * start date records topic {@value #TOPIC} for the account in its transaction, which drops the
 * entry on the node of the change right after the commit and on every other node at its next read
 * of the feed (about {@code portico.system.change-poll-interval}). An entry whose period has ended
 * is reloaded. Loads are not coalesced ({@code cache.get(key, loader)} would make concurrent
 * callers wait, each holding whatever it holds, on one loader's queries): a miss loads, then puts,
 * and does not put what it loaded if a change arrived meanwhile.
 */
@Component
public class Allocations implements ChangeSubscriber {

  /** The {@link ChangeFeed} topic of allocations (owned by usage); the subject is an account id. */
  public static final String TOPIC = "allocation";

  static final int CACHE_MINUTES = 10;

  private final AccountManagement accounts;
  private final SeatCounts seats;
  private final SeatPeriods periods;
  private final Map<Plan, PlanFigures> figures;
  private final Clock clock;
  private final Cache<UUID, AccountAllocation> cache;
  // bumped before every invalidation: a load that saw another value may be stale and is not kept
  private final AtomicLong changes = new AtomicLong();

  @Autowired
  Allocations(
      AccountManagement accounts,
      SeatCounts seats,
      SeatPeriods periods,
      AllocationSettings settings,
      Clock clock) {
    this(accounts, seats, periods, settings, clock, Ticker.systemTicker());
  }

  Allocations(
      AccountManagement accounts,
      SeatCounts seats,
      SeatPeriods periods,
      AllocationSettings settings,
      Clock clock,
      Ticker ticker) {
    this.accounts = accounts;
    this.seats = seats;
    this.periods = periods;
    this.figures = settings.figures();
    this.clock = clock;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(CACHE_MINUTES))
            .ticker(ticker)
            .build();
  }

  /** The account's allocation for the period that contains today (the first one, before it). */
  public AccountAllocation current(UUID accountId) {
    LocalDate today = today();
    AccountAllocation cached = cache.getIfPresent(accountId);
    if (cached != null && today.isBefore(cached.period().end())) {
      return cached;
    }
    long seen = changes.get();
    AccountAllocation loaded = details(accountId, today).allocation();
    if (changes.get() == seen) {
      cache.put(accountId, loaded);
    }
    return loaded;
  }

  /** How the current allocation is made, read afresh (not cached). */
  public AllocationDetails details(UUID accountId) {
    return details(accountId, today());
  }

  /** The figures of a plan, defaults filled in. */
  public PlanFigures figures(Plan plan) {
    return java.util.Objects.requireNonNull(figures.get(plan), "figures");
  }

  @Override
  public Set<String> topics() {
    return Set.of(TOPIC);
  }

  @Override
  public void changed(ChangedSubjects changed) {
    changes.incrementAndGet();
    for (String subject : changed.of(TOPIC)) {
      UUID accountId = uuidOrNull(subject);
      if (accountId != null) {
        cache.invalidate(accountId);
      }
    }
  }

  private AllocationDetails details(UUID accountId, LocalDate today) {
    Account account = accounts.account(accountId).orElseThrow(() -> new NotFound("Account"));
    AllocationPeriod period = AllocationPeriod.containing(account.allocationStart(), today);
    PlanFigures plan = figures(account.plan());
    Seats now = seats.of(account);
    SeatPeriod seatPeriod =
        account.isCompanyType() ? periods.find(accountId, period.start()).orElse(null) : null;
    Seats atStart = seatPeriod != null ? seatPeriod.atStart() : now;
    long usersProRated = seatPeriod != null ? seatPeriod.usersProRated(plan, period) : 0;
    long fullProRated = seatPeriod != null ? seatPeriod.fullUsersProRated(plan, period) : 0;
    long planFigure =
        Math.addExact(
            plan.of(atStart.users(), atStart.fullUsers()),
            Math.addExact(usersProRated, fullProRated));
    Long override = account.allocationOverride();
    return new AllocationDetails(
        new AccountAllocation(accountId, period, override != null ? override : planFigure),
        account.plan(),
        plan,
        atStart.users(),
        atStart.fullUsers(),
        now.users(),
        now.fullUsers(),
        usersProRated,
        fullProRated,
        planFigure,
        override);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static @Nullable UUID uuidOrNull(String subject) {
    try {
      return UUID.fromString(subject);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
