package dev.portico.accounts.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.accounts.Team;
import dev.portico.system.ResultPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores teams and their members ({@code acc_team}, {@code acc_team_member}). */
@Repository
public class Teams {

  private final JdbcClient jdbc;

  Teams(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Team team) {
    jdbc.sql(
            "insert into acc_team (id, account_id, name, created_at) values (:id, :account, :name, :created)")
        .param("id", team.id())
        .param("account", team.accountId())
        .param("name", team.name())
        .param("created", ts(team.createdAt()))
        .update();
    saveMembers(team.id(), team.memberIds());
  }

  public void update(Team team) {
    jdbc.sql("update acc_team set name = :name where id = :id")
        .param("id", team.id())
        .param("name", team.name())
        .update();
    jdbc.sql("delete from acc_team_member where team_id = :id").param("id", team.id()).update();
    saveMembers(team.id(), team.memberIds());
  }

  public void delete(UUID teamId) {
    jdbc.sql("delete from acc_team where id = :id").param("id", teamId).update();
  }

  /** The team, only if it belongs to the account: ids of other tenants find nothing. */
  public Optional<Team> find(UUID accountId, UUID teamId) {
    return jdbc.sql("select * from acc_team where id = :id and account_id = :account")
        .param("id", teamId)
        .param("account", accountId)
        .query(
            (rs, n) ->
                new Team(
                    uuid(rs, "id"),
                    uuid(rs, "account_id"),
                    rs.getString("name"),
                    members(teamId),
                    instant(rs, "created_at")))
        .optional();
  }

  public boolean nameTaken(UUID accountId, String name, UUID exceptId) {
    return jdbc.sql(
                "select count(*) from acc_team where account_id = :account and lower(name) = lower(:name) and id <> :except")
            .param("account", accountId)
            .param("name", name)
            .param("except", exceptId)
            .query(Long.class)
            .single()
        > 0;
  }

  public List<Team> list(UUID accountId) {
    return withMembers(
        jdbc.sql("select * from acc_team where account_id = :account order by lower(name), id")
            .param("account", accountId)
            .query(Teams::bare)
            .list());
  }

  public ResultPage<Team> page(UUID accountId, ResultPage.Request page) {
    long total =
        jdbc.sql("select count(*) from acc_team where account_id = :account")
            .param("account", accountId)
            .query(Long.class)
            .single();
    List<Team> items =
        withMembers(
            jdbc.sql(
                    "select * from acc_team where account_id = :account order by lower(name), id"
                        + " limit :limit offset :offset")
                .param("account", accountId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Teams::bare)
                .list());
    return new ResultPage<>(items, page.page(), page.size(), total);
  }

  private static Team bare(ResultSet rs, int row) throws SQLException {
    return new Team(
        uuid(rs, "id"),
        uuid(rs, "account_id"),
        rs.getString("name"),
        Set.of(),
        instant(rs, "created_at"));
  }

  private List<Team> withMembers(List<Team> bare) {
    return bare.stream()
        .map(t -> new Team(t.id(), t.accountId(), t.name(), members(t.id()), t.createdAt()))
        .toList();
  }

  public void removeMember(UUID accountId, UUID userId) {
    jdbc.sql(
            "delete from acc_team_member where user_id = :user and team_id in (select id from acc_team where account_id = :account)")
        .param("user", userId)
        .param("account", accountId)
        .update();
  }

  private Set<UUID> members(UUID teamId) {
    return new HashSet<>(
        jdbc.sql("select user_id from acc_team_member where team_id = :id")
            .param("id", teamId)
            .query((rs, n) -> uuid(rs, "user_id"))
            .list());
  }

  private void saveMembers(UUID teamId, Collection<UUID> memberIds) {
    for (UUID userId : memberIds) {
      jdbc.sql("insert into acc_team_member (team_id, user_id) values (:team, :user)")
          .param("team", teamId)
          .param("user", userId)
          .update();
    }
  }
}
