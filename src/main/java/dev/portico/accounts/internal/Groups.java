package dev.portico.accounts.internal;

import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.accounts.Group;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.UserGroupIds;
import dev.portico.system.ResultPage;
import java.util.ArrayList;
import java.util.Collection;
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
  private final GroupRows queries;

  Groups(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.queries = new GroupRows(jdbc);
  }

  /** The key two names share when they differ only in letter case. */
  public static String nameKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  public void insert(Group group) {
    GroupRows.Tables t = GroupRows.Tables.of(group.kind());
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
    GroupRows.Tables t = GroupRows.Tables.of(group.kind());
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
    jdbc.sql("delete from " + GroupRows.Tables.of(kind).groups + " where id = :id")
        .param("id", groupId)
        .update();
  }

  /** The group, only if it belongs to the account: ids of other tenants find nothing. */
  public Optional<Group> find(GroupKind kind, UUID accountId, UUID groupId) {
    return jdbc.sql(
            "select * from "
                + GroupRows.Tables.of(kind).groups
                + " where id = :id and account_id = :account")
        .param("id", groupId)
        .param("account", accountId)
        .query(GroupRows.Bare::map)
        .optional()
        .map(bare -> withMembers(kind, List.of(bare)).get(0));
  }

  public boolean nameTaken(GroupKind kind, UUID accountId, String name, UUID exceptId) {
    return jdbc.sql(
                "select count(*) from "
                    + GroupRows.Tables.of(kind).groups
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
            "select count(*) from "
                + GroupRows.Tables.of(kind).groups
                + " where account_id = :account")
        .param("account", accountId)
        .query(Long.class)
        .single();
  }

  /** One page of the account's groups by name, each with all its members (REST). */
  public ResultPage<Group> page(GroupKind kind, UUID accountId, ResultPage.Request page) {
    List<GroupRows.Bare> bare = queries.page(kind, accountId, page);
    return new ResultPage<>(
        withMembers(kind, bare), page.page(), page.size(), count(kind, accountId));
  }

  /** The names of the groups of the account that hold the user, sorted. */
  public List<String> namesHoldingUser(GroupKind kind, UUID accountId, UUID userId) {
    GroupRows.Tables t = GroupRows.Tables.of(kind);
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
                + GroupRows.Tables.of(kind).groups
                + " where account_id = :account and id in (:ids) order by name_key, id")
        .param("account", accountId)
        .param("ids", ids)
        .query((rs, n) -> Map.entry(uuid(rs, "id"), rs.getString("name")))
        .list()
        .forEach(e -> names.put(e.getKey(), e.getValue()));
    return names;
  }

  /**
   * The account's teams that hold the user, and its aliases that hold the user or one of those
   * teams: two indexed queries, whatever the size of the company.
   */
  public UserGroupIds groupIdsHoldingUser(UUID accountId, UUID userId) {
    List<UUID> teams =
        jdbc.sql(
                "select t.id from acc_team t join acc_team_member m on m.team_id = t.id"
                    + " where t.account_id = :account and m.user_id = :user")
            .param("account", accountId)
            .param("user", userId)
            .query((rs, n) -> uuid(rs, "id"))
            .list();
    List<UUID> aliases =
        jdbc.sql(
                "select a.id from acc_alias a where a.account_id = :account and (exists"
                    + " (select 1 from acc_alias_user u where u.alias_id = a.id and u.user_id ="
                    + " :user) or exists (select 1 from acc_alias_team x join acc_team_member m"
                    + " on m.team_id = x.team_id where x.alias_id = a.id and m.user_id = :user))")
            .param("account", accountId)
            .param("user", userId)
            .query((rs, n) -> uuid(rs, "id"))
            .list();
    return new UserGroupIds(Set.copyOf(teams), Set.copyOf(aliases));
  }

  /**
   * The users that those of the given teams and aliases that belong to the account hold, an alias's
   * teams' members included.
   */
  public Set<UUID> userIdsIn(UUID accountId, Collection<UUID> teamIds, Collection<UUID> aliasIds) {
    List<String> parts = new ArrayList<>();
    if (!teamIds.isEmpty()) {
      parts.add(
          "select m.user_id from acc_team_member m join acc_team t on t.id = m.team_id"
              + " where t.account_id = :account and t.id in (:teams)");
    }
    if (!aliasIds.isEmpty()) {
      parts.add(
          "select u.user_id from acc_alias_user u join acc_alias a on a.id = u.alias_id"
              + " where a.account_id = :account and a.id in (:aliases)");
      parts.add(
          "select m.user_id from acc_alias_team x join acc_alias a on a.id = x.alias_id"
              + " join acc_team_member m on m.team_id = x.team_id"
              + " where a.account_id = :account and a.id in (:aliases)");
    }
    if (parts.isEmpty()) {
      return Set.of();
    }
    var spec = jdbc.sql(String.join(" union ", parts)).param("account", accountId);
    if (!teamIds.isEmpty()) {
      spec = spec.param("teams", teamIds);
    }
    if (!aliasIds.isEmpty()) {
      spec = spec.param("aliases", aliasIds);
    }
    return Set.copyOf(spec.query((rs, n) -> uuid(rs, "user_id")).list());
  }

  /** Takes the user out of every team and alias of the account. */
  public void removeMember(UUID accountId, UUID userId) {
    for (GroupKind kind : GroupKind.values()) {
      GroupRows.Tables t = GroupRows.Tables.of(kind);
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

  /** The groups with their members (and an alias's teams): one query each, for all of them. */
  private List<Group> withMembers(GroupKind kind, List<GroupRows.Bare> rows) {
    List<UUID> ids = rows.stream().map(GroupRows.Bare::id).toList();
    GroupRows.Tables t = GroupRows.Tables.of(kind);
    Map<UUID, Set<UUID>> members = queries.links(t.members, t.groupColumn, "user_id", ids);
    Map<UUID, Set<UUID>> teams =
        kind.holdsTeams() ? queries.links("acc_alias_team", "alias_id", "team_id", ids) : Map.of();
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

  private void insertMembers(Group group) {
    GroupRows.Tables t = GroupRows.Tables.of(group.kind());
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
}
