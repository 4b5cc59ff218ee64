package dev.portico.usage.internal;

import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.User;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stored usage of an account, read straight from V20's tables. */
record UsageRows(JdbcClient sql) {

  /** One detail row of {@code use_counter}, the day left out. */
  record Cell(UUID applicationId, UUID keyId, UUID userId, String endpointGroup, long calls) {}

  long detailCalls(UUID accountId) {
    return sum("select coalesce(sum(calls), 0) from use_counter where account_id = :a", accountId);
  }

  long dayCalls(UUID accountId) {
    return sum(
        "select coalesce(sum(calls), 0) from use_day_total where account_id = :a", accountId);
  }

  long periodCalls(UUID accountId) {
    return sum(
        "select coalesce(sum(calls), 0) from use_period_total"
            + " where account_id = :a and dimension = 'all' and dim_key = ''",
        accountId);
  }

  java.util.List<Cell> cells(UUID accountId) {
    return sql.sql(
            "select application_id, key_id, user_id, endpoint_group, sum(calls) as calls"
                + " from use_counter where account_id = :a"
                + " group by application_id, key_id, user_id, endpoint_group")
        .param("a", accountId)
        .query(
            (rs, n) ->
                new Cell(
                    rs.getObject("application_id", UUID.class),
                    rs.getObject("key_id", UUID.class),
                    rs.getObject("user_id", UUID.class),
                    rs.getString("endpoint_group"),
                    rs.getLong("calls")))
        .list();
  }

  /** The period breakdown rows, as "dimension:key" → calls. */
  Map<String, Long> breakdown(UUID accountId) {
    Map<String, Long> rows = new HashMap<>();
    sql.sql("select dimension, dim_key, calls from use_period_total where account_id = :a")
        .param("a", accountId)
        .query(
            rs -> {
              rows.put(rs.getString("dimension") + ":" + rs.getString("dim_key"), rs.getLong(3));
            });
    return rows;
  }

  java.util.List<Integer> thresholds(UUID accountId) {
    return sql.sql("select threshold from use_threshold where account_id = :a order by threshold")
        .param("a", accountId)
        .query(Integer.class)
        .list();
  }

  private long sum(String query, UUID accountId) {
    return sql.sql(query).param("a", accountId).query(Long.class).single();
  }

  /** A key caller of this user, charged to this account (for meters driven without HTTP). */
  static ApiCaller keyCaller(User user, UUID accountId, @Nullable UUID keyId) {
    return new ApiCaller(
        user.id(),
        user.email(),
        user.name(),
        false,
        null,
        accountId,
        user.companyId(),
        null,
        1,
        false,
        ApiCaller.Credential.BASIC_KEY,
        keyId != null ? keyId : UUID.randomUUID(),
        null,
        null);
  }
}
