package dev.portico.accounts.internal;

import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupSummary;
import dev.portico.system.ResultPage;
import dev.portico.system.Sql;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Teams and aliases as the console lists and offers them: a page with counts and the first names,
 * and the choices of a picker. Reads only; {@link Groups} stores them.
 */
@Repository
public class GroupSummaries {

  private final JdbcClient jdbc;
  private final GroupRows queries;
  private final Groups groups;

  GroupSummaries(JdbcClient jdbc, Groups groups) {
    this.jdbc = jdbc;
    this.queries = new GroupRows(jdbc);
    this.groups = groups;
  }

  /** One page of the account's groups by name, with counts and the first names (console). */
  public ResultPage<GroupSummary> summaries(
      GroupKind kind, UUID accountId, ResultPage.Request page) {
    List<GroupRows.Bare> rows = queries.page(kind, accountId, page);
    List<UUID> ids = rows.stream().map(GroupRows.Bare::id).toList();
    GroupRows.Tables t = GroupRows.Tables.of(kind);
    Map<UUID, Integer> memberCounts = queries.counts(t.members, t.groupColumn, ids);
    Map<UUID, List<String>> memberNames =
        queries.firstNames(t.members, t.groupColumn, "user_id", "acc_user", ids);
    Map<UUID, Integer> teamCounts =
        kind.holdsTeams() ? queries.counts("acc_alias_team", "alias_id", ids) : Map.of();
    Map<UUID, List<String>> teamNames =
        kind.holdsTeams()
            ? queries.firstNames("acc_alias_team", "alias_id", "team_id", "acc_team", ids)
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
    return new ResultPage<>(items, page.page(), page.size(), groups.count(kind, accountId));
  }

  /**
   * What a picker offers: the chosen groups and the first {@code limit} others by name, with their
   * member counts (no names).
   */
  public List<GroupSummary> choices(
      GroupKind kind, UUID accountId, Collection<UUID> chosen, int limit) {
    Map<UUID, GroupRows.Bare> rows = new LinkedHashMap<>();
    queries
        .page(kind, accountId, new ResultPage.Request(0, limit))
        .forEach(r -> rows.put(r.id(), r));
    if (!chosen.isEmpty()) {
      jdbc.sql(
              "select * from "
                  + GroupRows.Tables.of(kind).groups
                  + " where account_id = :account and id in (:ids)")
          .param("account", accountId)
          .param("ids", chosen)
          .query(GroupRows.Bare::map)
          .list()
          .forEach(r -> rows.putIfAbsent(r.id(), r));
    }
    GroupRows.Tables t = GroupRows.Tables.of(kind);
    Map<UUID, Integer> memberCounts =
        queries.counts(t.members, t.groupColumn, List.copyOf(rows.keySet()));
    return rows.values().stream()
        .sorted(
            java.util.Comparator.comparing((GroupRows.Bare r) -> Groups.nameKey(r.name()))
                .thenComparing(GroupRows.Bare::id))
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

  /**
   * At most {@code limit} of the account's groups whose name contains the text (any, when blank),
   * by name, with their member counts: what a search-as-you-type picker offers.
   */
  public List<GroupSummary> matching(
      GroupKind kind, UUID accountId, @Nullable String q, int limit) {
    String qParam = q == null || q.isBlank() ? null : Sql.containsPattern(q.strip());
    List<GroupRows.Bare> rows =
        jdbc.sql(
                "select * from "
                    + GroupRows.Tables.of(kind).groups
                    + " where account_id = :account and (cast(:q as varchar(300)) is null"
                    + " or name_key like :q escape '\\') order by name_key, id limit :limit")
            .param("account", accountId)
            .param("q", qParam)
            .param("limit", limit)
            .query(GroupRows.Bare::map)
            .list();
    GroupRows.Tables t = GroupRows.Tables.of(kind);
    List<UUID> ids = rows.stream().map(GroupRows.Bare::id).toList();
    Map<UUID, Integer> memberCounts = queries.counts(t.members, t.groupColumn, ids);
    Map<UUID, Integer> teamCounts =
        kind.holdsTeams() ? queries.counts("acc_alias_team", "alias_id", ids) : Map.of();
    return rows.stream()
        .map(
            r ->
                new GroupSummary(
                    r.id(),
                    kind,
                    r.name(),
                    r.createdAt(),
                    memberCounts.getOrDefault(r.id(), 0),
                    List.of(),
                    teamCounts.getOrDefault(r.id(), 0),
                    List.of()))
        .toList();
  }
}
