package dev.portico.usage.internal;

import dev.portico.system.ResultPage;
import dev.portico.usage.BreakdownRow;
import dev.portico.usage.UsageDimension;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of the usage counters of {@code V20__usage.sql} for the usage view (USE-6); the meter
 * writes them. Every read is an index range of one account: the day totals for the chart, the
 * period totals for the used figure and for the breakdowns of a whole period, and the daily detail
 * ({@code use_counter}) only for the breakdown of a part of a period. That last one sums one row
 * per day and combination of application, key, user and group in the range (a year of 10 000 keys
 * each called daily is 3.65 million rows): it is the one read whose cost grows with the range, and
 * the one the docs and the bench name.
 */
@Component
public class UsageCounters {

  /** "None" in a dimension of the detail (V20). */
  static final UUID NONE = new UUID(0L, 0L);

  private final JdbcClient jdbc;

  UsageCounters(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The calls counted in the period that starts on this day. */
  public long used(UUID accountId, LocalDate periodStart) {
    return jdbc.sql(
            "select calls from use_period_total where account_id = :a and period_start = :p"
                + " and dimension = 'all' and dim_key = ''")
        .param("a", accountId)
        .param("p", periodStart)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  /** The thresholds reached in that period, ascending. */
  public List<Integer> thresholds(UUID accountId, LocalDate periodStart) {
    return jdbc.sql(
            "select threshold from use_threshold where account_id = :a and period_start = :p"
                + " order by threshold")
        .param("a", accountId)
        .param("p", periodStart)
        .query(Integer.class)
        .list();
  }

  /** The calls of the days from {@code from} to {@code to} that have any, by day, ascending. */
  public Map<LocalDate, Long> days(UUID accountId, LocalDate from, LocalDate to) {
    Map<LocalDate, Long> days = new LinkedHashMap<>();
    jdbc.sql(
            "select call_day, calls from use_day_total where account_id = :a and call_day >= :from"
                + " and call_day <= :to order by call_day")
        .param("a", accountId)
        .param("from", from)
        .param("to", to)
        .query(
            rs -> {
              days.put(rs.getObject("call_day", LocalDate.class), rs.getLong("calls"));
            });
    return days;
  }

  /**
   * The period's totals of one dimension, most calls first (then by key); one page of them, or all
   * of them when {@code page} is null.
   */
  public ResultPage<BreakdownRow> periodBreakdown(
      UUID accountId,
      LocalDate periodStart,
      UsageDimension dimension,
      ResultPage.@Nullable Request page) {
    String sql =
        "select dim_key as k, calls as n from use_period_total where account_id = :a"
            + " and period_start = :p and dimension = :d order by n desc, k";
    List<BreakdownRow> rows =
        paged(jdbc.sql(sql + limit(page)), page)
            .param("a", accountId)
            .param("p", periodStart)
            .param("d", dimension.code())
            .query((rs, n) -> new BreakdownRow(rs.getString("k"), rs.getLong("n")))
            .list();
    return result(
        rows,
        page,
        () ->
            jdbc.sql(
                    "select count(*) from use_period_total where account_id = :a"
                        + " and period_start = :p and dimension = :d")
                .param("a", accountId)
                .param("p", periodStart)
                .param("d", dimension.code())
                .query(Long.class)
                .single());
  }

  /**
   * One dimension summed over the detail of the days {@code from} to {@code to}, most calls first
   * (then by key), "none" left out; one page of it, or all of it when {@code page} is null.
   */
  public ResultPage<BreakdownRow> rangeBreakdown(
      UUID accountId,
      LocalDate from,
      LocalDate to,
      UsageDimension dimension,
      ResultPage.@Nullable Request page) {
    String column = column(dimension);
    String none = dimension == UsageDimension.ENDPOINT ? "" : " and " + column + " <> :none";
    String where =
        " from use_counter where account_id = :a and call_day >= :from and call_day <= :to" + none;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("a", accountId);
    params.put("from", from);
    params.put("to", to);
    if (!none.isEmpty()) {
      params.put("none", NONE);
    }
    // One pass over the detail: the number of groups comes with the page (a window over the
    // grouped rows), not from a second scan.
    long[] groups = {-1};
    List<BreakdownRow> rows =
        paged(
                jdbc.sql(
                    "select cast("
                        + column
                        + " as varchar(64)) as k, sum(calls) as n, count(*) over () as groups"
                        + where
                        + " group by "
                        + column
                        + " order by n desc, k"
                        + limit(page)),
                page)
            .params(params)
            .query(
                (rs, n) -> {
                  groups[0] = rs.getLong("groups");
                  return new BreakdownRow(rs.getString("k"), rs.getLong("n"));
                })
            .list();
    return result(
        rows,
        page,
        () ->
            groups[0] >= 0
                ? groups[0]
                : jdbc.sql("select count(distinct " + column + ")" + where)
                    .params(params)
                    .query(Long.class)
                    .single());
  }

  /** The detail's column of a dimension: a fixed name, never input. */
  private static String column(UsageDimension dimension) {
    return switch (dimension) {
      case APPLICATION -> "application_id";
      case API_KEY -> "key_id";
      case USER -> "user_id";
      case ENDPOINT -> "endpoint_group";
    };
  }

  private static String limit(ResultPage.@Nullable Request page) {
    return page == null ? "" : " limit :limit offset :offset";
  }

  private static JdbcClient.StatementSpec paged(
      JdbcClient.StatementSpec spec, ResultPage.@Nullable Request page) {
    return page == null ? spec : spec.param("limit", page.size()).param("offset", page.offset());
  }

  /** The rows as a page; the count is read only when the page does not tell it. */
  private static ResultPage<BreakdownRow> result(
      List<BreakdownRow> rows, ResultPage.@Nullable Request page, Count count) {
    if (page == null) {
      return new ResultPage<>(rows, 0, Math.max(1, rows.size()), rows.size());
    }
    long total = page.offset() == 0 && rows.size() < page.size() ? rows.size() : count.get();
    return new ResultPage<>(rows, page.page(), page.size(), total);
  }

  @FunctionalInterface
  private interface Count {
    long get();
  }
}
