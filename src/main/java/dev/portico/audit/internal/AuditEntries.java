package dev.portico.audit.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableUuid;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.audit.AuditEntry;
import dev.portico.audit.AuditFilter;
import dev.portico.system.Actor;
import dev.portico.system.ResultPage;
import dev.portico.system.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores audit entries ({@code aud_entry}). The diff is a JSON object of field name to text, so
 * that any value (even one holding a newline or a colon) reads back exactly as it was recorded.
 */
@Repository
public class AuditEntries {

  private static final TypeReference<LinkedHashMap<String, String>> DIFF_TYPE =
      new TypeReference<>() {};

  private final JdbcClient jdbc;

  AuditEntries(JdbcClient jdbc) {
    Assert.notNull(jdbc, "jdbc cannot be null");
    this.jdbc = jdbc;
  }

  /** Adds an entry in the caller's transaction. */
  public void insert(AuditEntry e) {
    jdbc.sql(
            """
            insert into aud_entry (id, occurred_at, actor_user_id, actor_email, operator, source_ip,
              account_id, action, target, diff)
            values (:id, :at, :userId, :email, :operator, :ip, :account, :action, :target, :diff)
            """)
        .param("id", e.id())
        .param("at", ts(e.occurredAt()))
        .param("userId", e.actor().userId())
        .param("email", e.actor().email())
        .param("operator", e.actor().operator())
        .param("ip", e.actor().sourceIp())
        .param("account", e.accountId())
        .param("action", e.action())
        .param("target", e.target())
        .param("diff", JsonMapper.shared().writeValueAsString(e.diff()))
        .update();
  }

  /**
   * One page of the entries matching the filter, newest first; only those of {@code accountId} when
   * it is given, every entry otherwise.
   */
  public ResultPage<AuditEntry> search(
      @Nullable UUID accountId, AuditFilter filter, ResultPage.Request page) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    if (accountId != null) {
      where.add("account_id = :account");
      params.put("account", accountId);
    }
    if (filter.actionPrefix() != null) {
      where.add("lower(action) like :action escape '\\'");
      params.put("action", prefixPattern(filter.actionPrefix()));
    }
    if (filter.text() != null) {
      where.add("(lower(actor_email) like :q escape '\\' or lower(target) like :q escape '\\')");
      params.put("q", Sql.containsPattern(filter.text()));
    }
    String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
    long total =
        jdbc.sql("select count(*) from aud_entry" + clause)
            .params(params)
            .query(Long.class)
            .single();
    List<AuditEntry> items =
        jdbc.sql(
                "select * from aud_entry"
                    + clause
                    + " order by occurred_at desc, id desc limit :limit offset :offset")
            .params(params)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(AuditEntries::map)
            .list();
    return new ResultPage<>(items, page.page(), page.size(), total);
  }

  private static String prefixPattern(String prefix) {
    return prefix
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_")
        + "%";
  }

  private static AuditEntry map(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        uuid(rs, "id"),
        instant(rs, "occurred_at"),
        new Actor(
            nullableUuid(rs, "actor_user_id"),
            rs.getString("actor_email"),
            rs.getBoolean("operator"),
            rs.getString("source_ip")),
        nullableUuid(rs, "account_id"),
        rs.getString("action"),
        rs.getString("target"),
        diff(rs.getString("diff")));
  }

  private static Map<String, String> diff(@Nullable String json) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    try {
      return JsonMapper.shared().readValue(json, DIFF_TYPE);
    } catch (JacksonException e) {
      // Written by this class only; if a row was ever edited by hand, show it rather than fail.
      return Map.of("diff", json);
    }
  }
}
