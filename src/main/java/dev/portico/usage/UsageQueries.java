package dev.portico.usage;

import dev.portico.system.ResultPage;
import dev.portico.usage.internal.UsageCounters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The usage view's reads (USE-6), all from the pre-aggregated counters the meter writes, never a
 * scan of calls: used, allocation and percent of the current period, the thresholds reached, calls
 * per day and breakdowns by application, API key, user and endpoint group. A breakdown of the whole
 * period reads the period's totals (one row per value); a breakdown of a part of it sums the daily
 * detail of those days (see {@link UsageCounters}). Callers check who may see the account.
 */
@Component
@Transactional(readOnly = true)
public class UsageQueries {

  private final Allocations allocations;
  private final UsageCounters counters;

  UsageQueries(Allocations allocations, UsageCounters counters) {
    Assert.notNull(allocations, "allocations cannot be null");
    Assert.notNull(counters, "counters cannot be null");
    this.allocations = allocations;
    this.counters = counters;
  }

  /** The account's current period: its allocation, the calls used and the thresholds reached. */
  public UsageSummary summary(UUID accountId) {
    AccountAllocation allocation = allocations.current(accountId);
    AllocationPeriod period = allocation.period();
    long used = counters.used(accountId, period.start());
    return new UsageSummary(
        accountId,
        period,
        allocation.allocation(),
        used,
        UsageSummary.percentOf(used, allocation.allocation()),
        counters.thresholds(accountId, period.start()));
  }

  /** Calls per day over the range: every day of it, days without calls at zero. */
  public List<DailyCalls> series(UUID accountId, UsageRange range) {
    Map<LocalDate, Long> days = counters.days(accountId, range.from(), range.to());
    List<DailyCalls> series = new ArrayList<>(range.days());
    for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
      series.add(new DailyCalls(day, days.getOrDefault(day, 0L)));
    }
    return series;
  }

  /** One page of the breakdown, most calls first. */
  public ResultPage<BreakdownRow> breakdown(
      UUID accountId, UsageRange range, UsageDimension dimension, ResultPage.Request page) {
    return read(accountId, range, dimension, page);
  }

  /** The whole breakdown, most calls first (the REST answer and the CSV export). */
  public List<BreakdownRow> breakdown(UUID accountId, UsageRange range, UsageDimension dimension) {
    return read(accountId, range, dimension, null).items();
  }

  private ResultPage<BreakdownRow> read(
      UUID accountId,
      UsageRange range,
      UsageDimension dimension,
      ResultPage.@Nullable Request page) {
    return range.wholePeriod()
        ? counters.periodBreakdown(accountId, range.period().start(), dimension, page)
        : counters.rangeBreakdown(accountId, range.from(), range.to(), dimension, page);
  }
}
