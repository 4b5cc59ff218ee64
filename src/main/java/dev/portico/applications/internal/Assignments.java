package dev.portico.applications.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableUuid;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.applications.ApplicationCard;
import dev.portico.applications.ApplicationSummary;
import dev.portico.applications.AssignmentKind;
import dev.portico.system.ResultPage;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores who an application is shared with ({@code app_assignment}): one row per user, team or
 * alias. Names live in the accounts module; this table holds ids only.
 */
@Repository
public class Assignments {

  private final JdbcClient jdbc;

  Assignments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One stored assignment. */
  public record Row(
      UUID applicationId,
      AssignmentKind kind,
      UUID targetId,
      Instant createdAt,
      @Nullable UUID createdBy) {}

  /**
   * Adds the assignment unless it exists; whether it was added. Callers hold the owning company's
   * lock, so two additions of the same target never race here.
   */
  public boolean insert(
      UUID applicationId, AssignmentKind kind, UUID targetId, Instant at, @Nullable UUID by) {
    return jdbc.sql(
                "insert into app_assignment (application_id, kind, target_id, created_at,"
                    + " created_by) select :app, :kind, :target, :at, :by where not exists"
                    + " (select 1 from app_assignment where application_id = :app and kind = :kind"
                    + " and target_id = :target)")
            .param("app", applicationId)
            .param("kind", kind.name())
            .param("target", targetId)
            .param("at", ts(at))
            .param("by", by)
            .update()
        > 0;
  }

  public boolean delete(UUID applicationId, AssignmentKind kind, UUID targetId) {
    return jdbc.sql(
                "delete from app_assignment where application_id = :app and kind = :kind"
                    + " and target_id = :target")
            .param("app", applicationId)
            .param("kind", kind.name())
            .param("target", targetId)
            .update()
        > 0;
  }

  /** Deletes the target's assignments to every application. */
  public void deleteTarget(AssignmentKind kind, UUID targetId) {
    jdbc.sql("delete from app_assignment where kind = :kind and target_id = :target")
        .param("kind", kind.name())
        .param("target", targetId)
        .update();
  }

  /** Those of the ids already assigned to the application as this kind. */
  public Set<UUID> assignedAmong(UUID applicationId, AssignmentKind kind, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        jdbc.sql(
                "select target_id from app_assignment where application_id = :app"
                    + " and kind = :kind and target_id in (:ids)")
            .param("app", applicationId)
            .param("kind", kind.name())
            .param("ids", ids)
            .query((rs, n) -> uuid(rs, "target_id"))
            .list());
  }

  /** Every target of the application, by kind (a company's worth of ids at most). */
  public Map<AssignmentKind, Set<UUID>> targets(UUID applicationId) {
    Map<AssignmentKind, Set<UUID>> targets = new EnumMap<>(AssignmentKind.class);
    for (AssignmentKind kind : AssignmentKind.values()) {
      targets.put(kind, new HashSet<>());
    }
    jdbc.sql("select kind, target_id from app_assignment where application_id = :app")
        .param("app", applicationId)
        .query(
            (ResultSet rs) -> {
              targets
                  .computeIfAbsent(
                      AssignmentKind.valueOf(rs.getString("kind")), k -> new HashSet<>())
                  .add(uuid(rs, "target_id"));
            });
    return targets;
  }

  /**
   * Whether the user is assigned to the application directly, or one of the teams or aliases is.
   */
  public boolean reaches(
      UUID applicationId, UUID userId, Collection<UUID> teamIds, Collection<UUID> aliasIds) {
    StringBuilder sql =
        new StringBuilder(
            "select count(*) from app_assignment where application_id = :app and ((kind = 'USER'"
                + " and target_id = :user)");
    if (!teamIds.isEmpty()) {
      sql.append(" or (kind = 'TEAM' and target_id in (:teams))");
    }
    if (!aliasIds.isEmpty()) {
      sql.append(" or (kind = 'ALIAS' and target_id in (:aliases))");
    }
    sql.append(")");
    var spec = jdbc.sql(sql.toString()).param("app", applicationId).param("user", userId);
    if (!teamIds.isEmpty()) {
      spec = spec.param("teams", teamIds);
    }
    if (!aliasIds.isEmpty()) {
      spec = spec.param("aliases", aliasIds);
    }
    return spec.query(Long.class).single() > 0;
  }

  /** One page of the application's assignments, oldest first (the creator leads). */
  public ResultPage<Row> page(UUID applicationId, ResultPage.Request page) {
    List<Row> items =
        jdbc.sql(
                "select * from app_assignment where application_id = :app"
                    + " order by created_at, kind, target_id limit :limit offset :offset")
            .param("app", applicationId)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(
                (rs, n) ->
                    new Row(
                        uuid(rs, "application_id"),
                        AssignmentKind.valueOf(rs.getString("kind")),
                        uuid(rs, "target_id"),
                        instant(rs, "created_at"),
                        nullableUuid(rs, "created_by")))
            .list();
    long total =
        jdbc.sql("select count(*) from app_assignment where application_id = :app")
            .param("app", applicationId)
            .query(Long.class)
            .single();
    return new ResultPage<>(items, page.page(), page.size(), total);
  }

  /** How many users, teams and aliases each application is shared with: one query for a page. */
  public Map<UUID, Map<AssignmentKind, Long>> counts(Collection<UUID> applicationIds) {
    Map<UUID, Map<AssignmentKind, Long>> counts = new HashMap<>();
    if (applicationIds.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            "select application_id, kind, count(*) as n from app_assignment"
                + " where application_id in (:ids) group by application_id, kind")
        .param("ids", applicationIds)
        .query(
            (ResultSet rs) -> {
              counts
                  .computeIfAbsent(
                      uuid(rs, "application_id"), id -> new EnumMap<>(AssignmentKind.class))
                  .put(AssignmentKind.valueOf(rs.getString("kind")), rs.getLong("n"));
            });
    return counts;
  }

  /** The applications of the owner that the user is assigned to directly. */
  public List<UUID> directlyAssigned(UUID ownerAccountId, UUID userId) {
    return jdbc.sql(
            "select s.application_id from app_assignment s join app_application a"
                + " on a.id = s.application_id where s.kind = 'USER' and s.target_id = :user"
                + " and a.owner_account_id = :owner")
        .param("user", userId)
        .param("owner", ownerAccountId)
        .query((rs, n) -> uuid(rs, "application_id"))
        .list();
  }

  /**
   * One page, by name, of the company's applications assigned to the user directly or through one
   * of the teams or aliases, leaving out the excluded ids: two queries, whatever the page holds.
   */
  public ResultPage<ApplicationCard> assignedTo(
      UUID companyId,
      UUID userId,
      Collection<UUID> teamIds,
      Collection<UUID> aliasIds,
      Collection<UUID> excluded,
      ResultPage.Request page) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = assignedToUser(companyId, userId, teamIds, aliasIds, params);
    if (!excluded.isEmpty()) {
      where.append(" and a.id not in (:excluded)");
      params.put("excluded", excluded);
    }
    List<ApplicationCard> items =
        jdbc.sql(
                "select a.id, a.owner_account_id, a.name, a.summary, a.oauth_url"
                    + where
                    + " order by a.name_key, a.id limit :limit offset :offset")
            .params(params)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(ApplicationLists::mapCard)
            .list();
    long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
    return new ResultPage<>(items, page.page(), page.size(), total);
  }

  /** Every app of the company assigned to the user, by name, at most {@code limit}: one query. */
  public List<ApplicationSummary> usableBy(
      UUID companyId, UUID userId, Collection<UUID> teamIds, Collection<UUID> aliasIds, int limit) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = assignedToUser(companyId, userId, teamIds, aliasIds, params);
    return jdbc.sql(
            "select a.id, a.owner_account_id, a.name, a.type, a.client_id, a.scopes,"
                + " a.created_at, a.created_by"
                + where
                + " order by a.name_key, a.id limit :limit")
        .params(params)
        .param("limit", limit)
        .query(ApplicationLists::mapSummary)
        .list();
  }

  /** {@code from … where}: the company's apps assigned to the user; fills {@code params}. */
  private static StringBuilder assignedToUser(
      UUID companyId,
      UUID userId,
      Collection<UUID> teamIds,
      Collection<UUID> aliasIds,
      Map<String, Object> params) {
    StringBuilder where =
        new StringBuilder(
            " from app_application a where a.owner_account_id = :company and a.id in (select"
                + " s.application_id from app_assignment s where (s.kind = 'USER'"
                + " and s.target_id = :user)");
    params.put("company", companyId);
    params.put("user", userId);
    if (!teamIds.isEmpty()) {
      where.append(" or (s.kind = 'TEAM' and s.target_id in (:teams))");
      params.put("teams", teamIds);
    }
    if (!aliasIds.isEmpty()) {
      where.append(" or (s.kind = 'ALIAS' and s.target_id in (:aliases))");
      params.put("aliases", aliasIds);
    }
    return where.append(")");
  }

  /** The owning account of the application, if it exists. */
  public Optional<UUID> ownerOf(UUID applicationId) {
    return jdbc.sql("select owner_account_id from app_application where id = :app")
        .param("app", applicationId)
        .query((rs, n) -> uuid(rs, "owner_account_id"))
        .optional();
  }

  /**
   * Whether any application of the account is shared beyond its creator, who is assigned from the
   * start (SHR-1): the Developer page's "Assign users to the app" step.
   */
  public boolean anySharedBeyondCreator(UUID ownerAccountId) {
    return jdbc.sql(
                "select count(*) from app_assignment s join app_application a on a.id ="
                    + " s.application_id where a.owner_account_id = :owner and not (s.kind = 'USER'"
                    + " and a.created_by is not null and s.target_id = a.created_by)")
            .param("owner", ownerAccountId)
            .query(Long.class)
            .single()
        > 0;
  }
}
