package dev.portico.usage;

import dev.portico.accounts.AccountChanges;
import dev.portico.accounts.AccountManagement;
import dev.portico.system.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Usage counters for tests of the usage view, written straight into the tables of {@code
 * V20__usage.sql} as the meter's flush would write them: the detail, the day total and the period
 * totals of every dimension ("none" not written to the period totals).
 */
@Component
public class TestUsage {

  public static final UUID NONE = new UUID(0L, 0L);

  private final JdbcClient jdbc;
  private final AccountManagement accounts;
  private final Allocations allocations;
  private final Clock clock;

  public TestUsage(
      JdbcClient jdbc, AccountManagement accounts, Allocations allocations, Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.allocations = allocations;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * Starts the account's allocation {@code daysAgo} days before today, with an override of {@code
   * allocation} calls; answers the current period.
   */
  public AllocationPeriod allocate(UUID accountId, int daysAgo, long allocation) {
    accounts.updateAccount(
        Actor.SYSTEM,
        accountId,
        new AccountChanges(null, null, null, today().minusDays(daysAgo), allocation, false));
    return allocations.current(accountId).period();
  }

  /** Adds {@code calls} counted calls of one day and combination, in every table. */
  public void count(
      UUID accountId,
      LocalDate day,
      UUID applicationId,
      UUID keyId,
      UUID userId,
      String group,
      long calls) {
    LocalDate periodStart = allocations.current(accountId).period().start();
    jdbc.sql(
            "insert into use_counter (account_id, call_day, application_id, key_id, user_id,"
                + " endpoint_group, calls) values (:a, :d, :app, :key, :user, :g, :n)"
                + " on conflict (account_id, call_day, application_id, key_id, user_id, endpoint_group)"
                + " do update set calls = use_counter.calls + excluded.calls")
        .param("a", accountId)
        .param("d", day)
        .param("app", applicationId)
        .param("key", keyId)
        .param("user", userId)
        .param("g", group)
        .param("n", calls)
        .update();
    jdbc.sql(
            "insert into use_day_total (account_id, call_day, calls) values (:a, :d, :n)"
                + " on conflict (account_id, call_day) do update set calls = use_day_total.calls +"
                + " excluded.calls")
        .param("a", accountId)
        .param("d", day)
        .param("n", calls)
        .update();
    period(accountId, periodStart, "all", "", calls);
    if (!applicationId.equals(NONE)) {
      period(accountId, periodStart, "application", applicationId.toString(), calls);
    }
    if (!keyId.equals(NONE)) {
      period(accountId, periodStart, "apiKey", keyId.toString(), calls);
    }
    if (!userId.equals(NONE)) {
      period(accountId, periodStart, "user", userId.toString(), calls);
    }
    period(accountId, periodStart, "endpoint", group, calls);
  }

  /** Records a threshold as reached in the account's current period. */
  public void reached(UUID accountId, int threshold, long used, long allocation) {
    jdbc.sql(
            "insert into use_threshold (account_id, period_start, threshold, used, allocation,"
                + " reached_at) values (:a, :p, :t, :u, :al, :at)")
        .param("a", accountId)
        .param("p", allocations.current(accountId).period().start())
        .param("t", threshold)
        .param("u", used)
        .param("al", allocation)
        .param("at", Instant.now().atOffset(ZoneOffset.UTC))
        .update();
  }

  private void period(UUID accountId, LocalDate start, String dimension, String key, long calls) {
    jdbc.sql(
            "insert into use_period_total (account_id, period_start, dimension, dim_key, calls)"
                + " values (:a, :p, :d, :k, :n) on conflict (account_id, period_start, dimension,"
                + " dim_key) do update set calls = use_period_total.calls + excluded.calls")
        .param("a", accountId)
        .param("p", start)
        .param("d", dimension)
        .param("k", key)
        .param("n", calls)
        .update();
  }
}
