package dev.portico.accounts.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.accounts.Group;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupSummary;
import dev.portico.system.ResultPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores teams ({@code acc_team}, {@code acc_team_member}) and aliases ({@code acc_alias}, {@code
 * acc_alias_user}, {@code acc_alias_team}) with one set of queries: the kinds differ only in their
 * table names and in the alias's teams. Names are unique per company case-insensitively, in the
 * database too ({@code name_key}). Members are loaded for a whole page of groups in one query,
 * never row by row, and written in one batch.
 */
@Repository
public class Groups {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  Groups(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** The key two names share when they differ only in letter case. */
  public static String nameKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  public void insert(Group group) {
    Tables t = Tables.of(group.kind());
    jdbc.sql(
            "insert into "
                + t.groups
                + " (id, account_id, name, name_key, created_at)"
                + " values (:id, :account, :name, :key, :created)")
        .param("id", group.id())
        .param("account", group.accountId())
        .param("name", group.name())
        .param("key", nameKey(group.name()))
        .param("created", ts(group.createdAt()))
        .update();
    insertMembers(group);
  }

  /** Saves the name and replaces the members (and an alias's teams). */
  public void update(Group group) {
    Tables t = Tables.of(group.kind());
    jdbc.sql("update " + t.groups + " set name = :name, name_key = :key where id = :id")
        .param("id", group.id())
        .param("name", group.name())
        .param("key", nameKey(group.name()))
        .update();
    jdbc.sql("delete from " + t.members + " where " + t.groupColumn + " = :id")
        .param("id", group.id())
        .update();
    if (group.kind().holdsTeams()) {
      jdbc.sql("delete from acc_alias_team where alias_id = :id").param("id", group.id()).update();
    }
    insertMembers(group);
  }

  public void delete(GroupKind kind, UUID groupId) {
    jdbc.sql("delete from " + Tables.of(kind).groups + " where id = :id")
        .param("id", groupId)
        .update();
  }

  /** The group, only if it belongs to the account: ids of other tenants find nothing. */
  public Optional<Group> find(GroupKind kind, UUID accountId, UUID groupId) {
    return jdbc.sql(
            "select * from " + Tables.of(kind).groups + " where id = :id and account_id = :account")
        .param("id", groupId)
        .param("account", accountId)
        .query(Bare::map)
        .optional()
        .map(bare -> withMembers(kind, List.of(bare)).get(0));
  }

  public boolean nameTaken(GroupKind kind, UUID accountId, String name, UUID exceptId) {
    return jdbc.sql(
                "select count(*) from "
                    + Tables.of(kind).groups
                    + " where account_id = :account and name_key = :key and id <> :except")
            .param("account", accountId)
            .param("key", nameKey(name))
            .param("except", exceptId)
            .query(Long.class)
            .single()
        > 0;
  }

  public long count(GroupKind kind, UUID accountId) {
    return jdbc.sql(
            "select count(*) from " + Tables.of(kind).groups + " where account_id = :account")
        .param("account", accountId)
        .query(Long.class)
        .single();
  }

  /** One page of the account's groups by name, each with all its members (REST). */
  public ResultPage<Group> page(GroupKind kind, UUID accountId, ResultPage.Request page) {
    List<Bare> rows = bare(kind, accountId, page);
    return new ResultPage<>(
        withMembers(kind, rows), page.page(), page.size(), count(kind, accountId));
  }

  /** One page of the account's groups by name, with counts and the first names (console). */
  public ResultPage<GroupSummary> summaries(
      GroupKind kind, UUID accountId, ResultPage.Request page) {
    List<Bare> rows = bare(kind, accountId, page);
    List<UUID> ids = rows.stream().map(Bare::id).toList();
    Tables t = Tables.of(kind);
    Map<UUID, Integer> memberCounts = counts(t.members, t.groupColumn, ids);
    Map<UUID, List<String>> memberNames =
        firstNames(t.members, t.groupColumn, "user_id", "acc_user", ids);
    Map<UUID, Integer> teamCounts =
        kind.holdsTeams() ? counts("acc_alias_team", "alias_id", ids) : Map.of();
    Map<UUID, List<String>> teamNames =
        kind.holdsTeams()
            ? firstNames("acc_alias_team", "alias_id", "team_id", "acc_team", ids)
            : Map.of();
    List<GroupSummary> items =
        rows.stream()
            .map(
                r ->
                    new GroupSummary(
                        r.id(),
                        kind,
                        r.name(),
                        r.createdAt(),
                        memberCounts.getOrDefault(r.id(), 0),
                        memberNames.getOrDefault(r.id(), List.of()),
                        teamCounts.getOrDefault(r.id(), 0),
                        teamNames.getOrDefault(r.id(), List.of())))
            .toList();
    return new ResultPage<>(items, page.page(), page.size(), count(kind, accountId));
  }

  /**
   * What a picker offers: the chosen groups and the first {@code limit} others by name, with their
   * member counts (no names).
   */
  public List<GroupSummary> choices(
      GroupKind kind, UUID accountId, Collection<UUID> chosen, int limit) {
    Map<UUID, Bare> rows = new LinkedHashMap<>();
    bare(kind, accountId, new ResultPage.Request(0, limit)).forEach(r -> rows.put(r.id(), r));
    if (!chosen.isEmpty()) {
      jdbc.sql(
              "select * from "
                  + Tables.of(kind).groups
                  + " where account_id = :account and id in (:ids)")
          .param("account", accountId)
          .param("ids", chosen)
          .query(Bare::map)
          .list()
          .forEach(r -> rows.putIfAbsent(r.id(), r));
    }
    Tables t = Tables.of(kind);
    Map<UUID, Integer> memberCounts = counts(t.members, t.groupColumn, List.copyOf(rows.keySet()));
    return rows.values().stream()
        .sorted(
            java.util.Comparator.comparing((Bare r) -> nameKey(r.name())).thenComparing(Bare::id))
        .map(
            r ->
                new GroupSummary(
                    r.id(),
                    kind,
                    r.name(),
                    r.createdAt(),
                    memberCounts.getOrDefault(r.id(), 0),
                    List.of(),
                    0,
                    List.of()))
        .toList();
  }

  /** The names of the groups of the account that hold the user, sorted. */
  public List<String> namesHoldingUser(GroupKind kind, UUID accountId, UUID userId) {
    Tables t = Tables.of(kind);
    return jdbc.sql(
            "select g.name from "
                + t.groups
                + " g join "
                + t.members
                + " m on m."
                + t.groupColumn
                + " = g.id where g.account_id = :account and m.user_id = :user order by g.name_key")
        .param("account", accountId)
        .param("user", userId)
        .query(String.class)
        .list();
  }

  /** The names of the account's aliases that hold the team, sorted. */
  public List<String> aliasNamesHoldingTeam(UUID accountId, UUID teamId) {
    return jdbc.sql(
            "select a.name from acc_alias a join acc_alias_team m on m.alias_id = a.id"
                + " where a.account_id = :account and m.team_id = :team order by a.name_key")
        .param("account", accountId)
        .param("team", teamId)
        .query(String.class)
        .list();
  }

  /** The names of those of the given groups that belong to the account, by id. */
  public Map<UUID, String> names(GroupKind kind, UUID accountId, Collection<UUID> ids) {
    Map<UUID, String> names = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    jdbc.sql(
            "select id, name from "
                + Tables.of(kind).groups
                + " where account_id = :account and id in (:ids) order by name_key, id")
        .param("account", accountId)
        .param("ids", ids)
        .query((rs, n) -> Map.entry(uuid(rs, "id"), rs.getString("name")))
        .list()
        .forEach(e -> names.put(e.getKey(), e.getValue()));
    return names;
  }

  /** Takes the user out of every team and alias of the account. */
  public void removeMember(UUID accountId, UUID userId) {
    for (GroupKind kind : GroupKind.values()) {
      Tables t = Tables.of(kind);
      jdbc.sql(
              "delete from "
                  + t.members
                  + " where user_id = :user and "
                  + t.groupColumn
                  + " in (select id from "
                  + t.groups
                  + " where account_id = :account)")
          .param("user", userId)
          .param("account", accountId)
          .update();
    }
  }

  private List<Bare> bare(GroupKind kind, UUID accountId, ResultPage.Request page) {
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

  /** The groups with their members (and an alias's teams): one query each, for all of them. */
  private List<Group> withMembers(GroupKind kind, List<Bare> rows) {
    List<UUID> ids = rows.stream().map(Bare::id).toList();
    Tables t = Tables.of(kind);
    Map<UUID, Set<UUID>> members = links(t.members, t.groupColumn, "user_id", ids);
    Map<UUID, Set<UUID>> teams =
        kind.holdsTeams() ? links("acc_alias_team", "alias_id", "team_id", ids) : Map.of();
    return rows.stream()
        .map(
            r ->
                new Group(
                    r.id(),
                    r.accountId(),
                    kind,
                    r.name(),
                    members.getOrDefault(r.id(), Set.of()),
                    teams.getOrDefault(r.id(), Set.of()),
                    r.createdAt()))
        .toList();
  }

  private Map<UUID, Set<UUID>> links(
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

  private Map<UUID, Integer> counts(String table, String groupColumn, List<UUID> ids) {
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
  private Map<UUID, List<String>> firstNames(
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

  private void insertMembers(Group group) {
    Tables t = Tables.of(group.kind());
    insertLinks(
        "insert into " + t.members + " (" + t.groupColumn + ", user_id) values (?, ?)",
        group.id(),
        group.memberIds());
    if (group.kind().holdsTeams()) {
      insertLinks(
          "insert into acc_alias_team (alias_id, team_id) values (?, ?)",
          group.id(),
          group.teamIds());
    }
  }

  /** One batch for all links, however many. */
  private void insertLinks(String sql, UUID groupId, Set<UUID> linked) {
    if (linked.isEmpty()) {
      return;
    }
    List<Object[]> rows = linked.stream().map(id -> new Object[] {groupId, id}).toList();
    batch.batchUpdate(sql, rows);
  }

  /** Where each kind lives. Constants only: no part of any statement comes from a request. */
  private enum Tables {
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
  private record Bare(UUID id, UUID accountId, String name, Instant createdAt) {

    static Bare map(ResultSet rs, int row) throws SQLException {
      return new Bare(
          uuid(rs, "id"), uuid(rs, "account_id"), rs.getString("name"), instant(rs, "created_at"));
    }
  }
}
