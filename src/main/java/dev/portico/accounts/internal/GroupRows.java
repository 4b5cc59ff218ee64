package dev.portico.accounts.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.uuid;

import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupSummary;
import dev.portico.system.ResultPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read queries that {@link Groups} and {@link GroupSummaries} share: a page of group rows, and
 * the links (members, an alias's teams) of many groups at once — counted, listed or named — in one
 * query each, never row by row.
 */
final class GroupRows {

  private final JdbcClient jdbc;

  GroupRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Bare> page(GroupKind kind, UUID accountId, ResultPage.Request page) {
    return jdbc.sql(
            "select * from "
                + Tables.of(kind).groups
                + " where account_id = :account order by name_key, id limit :limit offset :offset")
        .param("account", accountId)
        .param("limit", page.size())
        .param("offset", page.offset())
        .query(Bare::map)
        .list();
  }

  Map<UUID, Set<UUID>> links(
      String table, String groupColumn, String memberColumn, List<UUID> ids) {
    Map<UUID, Set<UUID>> links = new HashMap<>();
    if (ids.isEmpty()) {
      return links;
    }
    jdbc.sql(
            "select "
                + groupColumn
                + ", "
                + memberColumn
                + " from "
                + table
                + " where "
                + groupColumn
                + " in (:ids)")
        .param("ids", ids)
        .query(
            (ResultSet rs) -> {
              links
                  .computeIfAbsent(uuid(rs, groupColumn), id -> new HashSet<>())
                  .add(uuid(rs, memberColumn));
            });
    return links;
  }

  Map<UUID, Integer> counts(String table, String groupColumn, List<UUID> ids) {
    Map<UUID, Integer> counts = new HashMap<>();
    if (ids.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            "select "
                + groupColumn
                + " as group_id, count(*) as n from "
                + table
                + " where "
                + groupColumn
                + " in (:ids) group by "
                + groupColumn)
        .param("ids", ids)
        .query(
            (ResultSet rs) -> {
              counts.put(uuid(rs, "group_id"), rs.getInt("n"));
            });
    return counts;
  }

  /**
   * The first {@link GroupSummary#NAMES} names of what each group links to, sorted
   * case-insensitively: one windowed query for the whole page, so the database reads only what it
   * must and returns a handful of rows per group.
   */
  Map<UUID, List<String>> firstNames(
      String table, String groupColumn, String memberColumn, String named, List<UUID> ids) {
    Map<UUID, List<String>> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    jdbc.sql(
            "select x.group_id, x.name from (select l."
                + groupColumn
                + " as group_id, o.name, row_number() over (partition by l."
                + groupColumn
                + " order by lower(o.name), o.id) as n from "
                + table
                + " l join "
                + named
                + " o on o.id = l."
                + memberColumn
                + " where l."
                + groupColumn
                + " in (:ids)) x where x.n <= :names order by x.group_id, x.n")
        .param("ids", ids)
        .param("names", GroupSummary.NAMES)
        .query(
            (ResultSet rs) -> {
              names
                  .computeIfAbsent(uuid(rs, "group_id"), id -> new ArrayList<>())
                  .add(rs.getString("name"));
            });
    return names;
  }

  /** Where each kind lives. Constants only: no part of any statement comes from a request. */
  enum Tables {
    TEAM("acc_team", "acc_team_member", "team_id"),
    ALIAS("acc_alias", "acc_alias_user", "alias_id");

    final String groups;
    final String members;
    final String groupColumn;

    Tables(String groups, String members, String groupColumn) {
      this.groups = groups;
      this.members = members;
      this.groupColumn = groupColumn;
    }

    static Tables of(GroupKind kind) {
      return kind == GroupKind.TEAM ? TEAM : ALIAS;
    }
  }

  /** A group's own row, before its members are loaded. */
  record Bare(UUID id, UUID accountId, String name, Instant createdAt) {

    static Bare map(ResultSet rs, int row) throws SQLException {
      return new Bare(
          uuid(rs, "id"), uuid(rs, "account_id"), rs.getString("name"), instant(rs, "created_at"));
    }
  }
}
