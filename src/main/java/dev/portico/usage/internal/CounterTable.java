package dev.portico.usage.internal;

import static dev.portico.system.Sql.ts;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The counter tables of V20, written by the flush: one JDBC batch per table of atomic increments
 * ({@code calls = calls + ?}), rows in primary-key order (two nodes never deadlock). PostgreSQL
 * gets {@code insert … on conflict (…) do update}; H2, which has no {@code do update}, gets {@code
 * merge into … using (values …)}; the product is read once, at construction.
 */
@Component
final class CounterTable {

  /** A row of {@code use_day_total}. */
  record DayKey(UUID accountId, LocalDate day) {
    static final Comparator<DayKey> ORDER =
        Comparator.comparing(DayKey::accountId).thenComparing(DayKey::day);
  }

  /** A row of {@code use_period_total}. */
  record PeriodKey(UUID accountId, LocalDate periodStart, String dimension, String dimKey) {
    static final Comparator<PeriodKey> ORDER =
        Comparator.comparing(PeriodKey::accountId)
            .thenComparing(PeriodKey::periodStart)
            .thenComparing(PeriodKey::dimension)
            .thenComparing(PeriodKey::dimKey);
  }

  /** The period total ('all') of an account as stored. */
  record PeriodTotal(UUID accountId, LocalDate periodStart, long calls) {}

  /** A threshold row to insert if absent. */
  record Threshold(
      UUID accountId, LocalDate periodStart, int threshold, long used, long allocation) {}

  private static final int IN_LIST = 1000;

  private final JdbcTemplate jdbc;
  private final JdbcClient client;
  private final boolean postgres;
  private final String counterSql;
  private final String daySql;
  private final String periodSql;

  CounterTable(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.client = JdbcClient.create(dataSource);
    this.postgres = isPostgres(dataSource);
    this.counterSql =
        upsert(
            "use_counter",
            List.of(
                "account_id uuid",
                "call_day date",
                "application_id uuid",
                "key_id uuid",
                "user_id uuid",
                "endpoint_group varchar(32)"));
    this.daySql = upsert("use_day_total", List.of("account_id uuid", "call_day date"));
    this.periodSql =
        upsert(
            "use_period_total",
            List.of(
                "account_id uuid",
                "period_start date",
                "dimension varchar(16)",
                "dim_key varchar(64)"));
  }

  boolean postgres() {
    return postgres;
  }

  /** Adds the counts, in the caller's transaction. */
  void add(Map<CounterKey, Long> counters, Map<DayKey, Long> days, Map<PeriodKey, Long> periods) {
    batch(
        counterSql,
        counters,
        CounterKey.ORDER,
        k ->
            new Object[] {
              k.accountId(), k.day(), k.applicationId(), k.keyId(), k.userId(), k.endpointGroup()
            });
    batch(daySql, days, DayKey.ORDER, k -> new Object[] {k.accountId(), k.day()});
    batch(
        periodSql,
        periods,
        PeriodKey.ORDER,
        k -> new Object[] {k.accountId(), k.periodStart(), k.dimension(), k.dimKey()});
  }

  /** The stored 'all' totals of these accounts, every period, in one query per 1000 accounts. */
  List<PeriodTotal> periodTotals(Collection<UUID> accountIds) {
    List<UUID> ids = List.copyOf(accountIds);
    List<PeriodTotal> totals = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      totals.addAll(
          client
              .sql(
                  "select account_id, period_start, calls from use_period_total"
                      + " where dimension = 'all' and dim_key = '' and account_id in (:ids)")
              .param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST)))
              .query(
                  (rs, n) ->
                      new PeriodTotal(
                          rs.getObject("account_id", UUID.class),
                          rs.getObject("period_start", LocalDate.class),
                          rs.getLong("calls")))
              .list());
    }
    return totals;
  }

  /**
   * Inserts the thresholds no node recorded yet (the primary key decides, across nodes); answers
   * those this transaction inserted.
   */
  List<Threshold> insertMissing(List<Threshold> thresholds, Instant at) {
    if (thresholds.isEmpty()) {
      return List.of();
    }
    List<Threshold> ordered =
        thresholds.stream()
            .sorted(
                Comparator.comparing(Threshold::accountId)
                    .thenComparing(Threshold::periodStart)
                    .thenComparingInt(Threshold::threshold))
            .toList();
    int[] inserted =
        jdbc.batchUpdate(
            "insert into use_threshold (account_id, period_start, threshold, used, allocation,"
                + " reached_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
            ordered.stream()
                .map(
                    t ->
                        new Object[] {
                          t.accountId(),
                          t.periodStart(),
                          t.threshold(),
                          t.used(),
                          t.allocation(),
                          ts(at)
                        })
                .toList());
    List<Threshold> ours = new ArrayList<>();
    for (int i = 0; i < inserted.length; i++) {
      if (inserted[i] == 1) { // 0: another node (or an earlier flush) recorded it
        ours.add(ordered.get(i));
      }
    }
    return ours;
  }

  private <K> void batch(
      String sql, Map<K, Long> counts, Comparator<K> order, Function<K, Object[]> keyColumns) {
    if (counts.isEmpty()) {
      return;
    }
    List<Object[]> rows =
        counts.entrySet().stream()
            .sorted(Map.Entry.comparingByKey(order))
            .map(
                e -> {
                  Object[] key = keyColumns.apply(e.getKey());
                  Object[] row = java.util.Arrays.copyOf(key, key.length + 1);
                  row[key.length] = e.getValue();
                  return row;
                })
            .toList();
    jdbc.batchUpdate(sql, rows);
  }

  /** {@code columns}: "name type" of the primary key, in order; the counted column is calls. */
  private String upsert(String table, List<String> columns) {
    List<String> names = columns.stream().map(c -> c.split(" ")[0]).toList();
    String keyList = String.join(", ", names);
    if (postgres) {
      return "insert into "
          + table
          + " ("
          + keyList
          + ", calls) values ("
          + "?, ".repeat(names.size())
          + "?) on conflict ("
          + keyList
          + ") do update set calls = "
          + table
          + ".calls + excluded.calls";
    }
    String casts =
        columns.stream()
            .map(c -> "cast(? as " + c.substring(c.indexOf(' ') + 1) + ")")
            .collect(Collectors.joining(", "));
    String on =
        names.stream().map(n -> "t." + n + " = s." + n).collect(Collectors.joining(" and "));
    String sourceList = names.stream().map(n -> "s." + n).collect(Collectors.joining(", "));
    return "merge into "
        + table
        + " t using (values ("
        + casts
        + ", cast(? as bigint))) s("
        + keyList
        + ", calls) on "
        + on
        + " when matched then update set calls = t.calls + s.calls"
        + " when not matched then insert ("
        + keyList
        + ", calls) values ("
        + sourceList
        + ", s.calls)";
  }

  private static boolean isPostgres(DataSource dataSource) {
    try {
      String product =
          JdbcUtils.extractDatabaseMetaData(
              Objects.requireNonNull(dataSource), DatabaseMetaData::getDatabaseProductName);
      return product.toLowerCase(Locale.ROOT).contains("postgres");
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("cannot tell the database product", e);
    }
  }
}
