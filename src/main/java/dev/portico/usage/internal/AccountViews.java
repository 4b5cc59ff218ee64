package dev.portico.usage.internal;

import dev.portico.usage.AccountAllocation;
import dev.portico.usage.AllocationPeriod;
import dev.portico.usage.Allocations;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's {@link AccountView}s, one per account it has seen recently. An account seen for the
 * first time costs two queries (its allocation, its stored total); after that, each flush window
 * refreshes the allocations of the accounts seen in the window and the totals of all of them in one
 * query. An account not seen for {@link #IDLE_WINDOWS} windows is forgotten.
 */
final class AccountViews {

  private static final Logger log = LoggerFactory.getLogger(AccountViews.class);
  static final long IDLE_WINDOWS = 600;

  private final ConcurrentHashMap<UUID, AccountView> views = new ConcurrentHashMap<>();
  private final Allocations allocations;
  private final CounterTable table;
  private volatile long window;

  AccountViews(Allocations allocations, CounterTable table) {
    this.allocations = allocations;
    this.table = table;
  }

  /** The account's view, created (without its figures) when first seen; marks it seen. */
  AccountView of(UUID accountId) {
    long now = window;
    AccountView view = views.get(accountId);
    if (view == null) {
      view = views.computeIfAbsent(accountId, id -> new AccountView(id, now));
    }
    view.seen(now);
    return view;
  }

  /**
   * Loads a new view's figures on the caller's thread (the first call of an account on this node).
   * A database that cannot answer leaves them unknown — the call is let through, not refused, and
   * the next window tries again.
   */
  void loadIfUnknown(AccountView view) {
    if (view.allocation() != null) {
      return;
    }
    try {
      AccountAllocation current = allocations.current(view.accountId);
      view.flushed(totalOf(table.periodTotals(List.of(view.accountId)), view.accountId, current));
      view.allocation(current);
    } catch (RuntimeException e) {
      log.warn("Usage: cannot read the allocation of account {}: {}", view.accountId, e.toString());
    }
  }

  /** Starts a new window; answers the accounts seen in the one that ended. */
  List<AccountView> nextWindow() {
    long ended = window;
    window = ended + 1;
    views.values().removeIf(v -> v.lastSeenWindow() < ended - IDLE_WINDOWS && idle(v));
    return views.values().stream().filter(v -> v.lastSeenWindow() >= ended).toList();
  }

  /** Re-reads the allocations of these accounts (plan, override, period may have changed). */
  void refreshAllocations(Collection<AccountView> seen) {
    for (AccountView view : seen) {
      try {
        view.allocation(allocations.current(view.accountId));
      } catch (RuntimeException e) { // a deleted account, or the database down: keep the last
        log.debug("Usage: allocation of {} not refreshed: {}", view.accountId, e.toString());
      }
    }
  }

  /** The views with a known allocation, by account. */
  Map<UUID, AccountView> known() {
    Map<UUID, AccountView> known = new HashMap<>();
    views.forEach(
        (id, view) -> {
          if (view.allocation() != null) {
            known.put(id, view);
          }
        });
    return known;
  }

  @Nullable AccountView get(UUID accountId) {
    return views.get(accountId);
  }

  Collection<AccountView> all() {
    return views.values();
  }

  /** Sets each known view's flushed total from stored totals read just now. */
  static void applyTotals(Map<UUID, AccountView> known, List<CounterTable.PeriodTotal> totals) {
    Map<UUID, Long> current = new HashMap<>();
    for (CounterTable.PeriodTotal total : totals) {
      AccountView view = known.get(total.accountId());
      AccountAllocation allocation = view == null ? null : view.allocation();
      if (allocation != null && allocation.period().start().equals(total.periodStart())) {
        current.put(total.accountId(), total.calls());
      }
    }
    known.forEach((id, view) -> view.flushed(current.getOrDefault(id, 0L)));
  }

  static long totalOf(
      List<CounterTable.PeriodTotal> totals, UUID accountId, AccountAllocation allocation) {
    AllocationPeriod period = allocation.period();
    return totals.stream()
        .filter(t -> t.accountId().equals(accountId) && t.periodStart().equals(period.start()))
        .mapToLong(CounterTable.PeriodTotal::calls)
        .sum();
  }

  private static boolean idle(AccountView view) {
    return view.pending.sum() == 0 && view.unconfirmed.get() == 0;
  }
}
