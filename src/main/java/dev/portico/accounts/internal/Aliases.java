package dev.portico.accounts.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.accounts.Alias;
import dev.portico.system.ResultPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores aliases with their users and teams ({@code acc_alias*}). */
@Repository
public class Aliases {

  private final JdbcClient jdbc;

  Aliases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Alias alias) {
    jdbc.sql(
            "insert into acc_alias (id, account_id, name, created_at) values (:id, :account, :name, :created)")
        .param("id", alias.id())
        .param("account", alias.accountId())
        .param("name", alias.name())
        .param("created", ts(alias.createdAt()))
        .update();
    saveMembers(alias);
  }

  public void update(Alias alias) {
    jdbc.sql("update acc_alias set name = :name where id = :id")
        .param("id", alias.id())
        .param("name", alias.name())
        .update();
    jdbc.sql("delete from acc_alias_user where alias_id = :id").param("id", alias.id()).update();
    jdbc.sql("delete from acc_alias_team where alias_id = :id").param("id", alias.id()).update();
    saveMembers(alias);
  }

  public void delete(UUID aliasId) {
    jdbc.sql("delete from acc_alias where id = :id").param("id", aliasId).update();
  }

  /** The alias, only if it belongs to the account. */
  public Optional<Alias> find(UUID accountId, UUID aliasId) {
    return jdbc.sql("select * from acc_alias where id = :id and account_id = :account")
        .param("id", aliasId)
        .param("account", accountId)
        .query(
            (rs, n) ->
                new Alias(
                    uuid(rs, "id"),
                    uuid(rs, "account_id"),
                    rs.getString("name"),
                    Set.of(),
                    Set.of(),
                    instant(rs, "created_at")))
        .optional()
        .map(this::withMembers);
  }

  public boolean nameTaken(UUID accountId, String name, UUID exceptId) {
    return jdbc.sql(
                "select count(*) from acc_alias where account_id = :account and lower(name) = lower(:name) and id <> :except")
            .param("account", accountId)
            .param("name", name)
            .param("except", exceptId)
            .query(Long.class)
            .single()
        > 0;
  }

  public List<Alias> list(UUID accountId) {
    return jdbc
        .sql("select * from acc_alias where account_id = :account order by lower(name), id")
        .param("account", accountId)
        .query(Aliases::bare)
        .list()
        .stream()
        .map(this::withMembers)
        .toList();
  }

  public ResultPage<Alias> page(UUID accountId, ResultPage.Request page) {
    long total =
        jdbc.sql("select count(*) from acc_alias where account_id = :account")
            .param("account", accountId)
            .query(Long.class)
            .single();
    List<Alias> items =
        jdbc
            .sql(
                "select * from acc_alias where account_id = :account order by lower(name), id"
                    + " limit :limit offset :offset")
            .param("account", accountId)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(Aliases::bare)
            .list()
            .stream()
            .map(this::withMembers)
            .toList();
    return new ResultPage<>(items, page.page(), page.size(), total);
  }

  private static Alias bare(ResultSet rs, int row) throws SQLException {
    return new Alias(
        uuid(rs, "id"),
        uuid(rs, "account_id"),
        rs.getString("name"),
        Set.of(),
        Set.of(),
        instant(rs, "created_at"));
  }

  public void removeMember(UUID accountId, UUID userId) {
    jdbc.sql(
            "delete from acc_alias_user where user_id = :user and alias_id in (select id from acc_alias where account_id = :account)")
        .param("user", userId)
        .param("account", accountId)
        .update();
  }

  private Alias withMembers(Alias a) {
    Set<UUID> users =
        new HashSet<>(
            jdbc.sql("select user_id from acc_alias_user where alias_id = :id")
                .param("id", a.id())
                .query((rs, n) -> uuid(rs, "user_id"))
                .list());
    Set<UUID> teams =
        new HashSet<>(
            jdbc.sql("select team_id from acc_alias_team where alias_id = :id")
                .param("id", a.id())
                .query((rs, n) -> uuid(rs, "team_id"))
                .list());
    return new Alias(a.id(), a.accountId(), a.name(), users, teams, a.createdAt());
  }

  private void saveMembers(Alias alias) {
    for (UUID userId : alias.memberIds()) {
      jdbc.sql("insert into acc_alias_user (alias_id, user_id) values (:alias, :user)")
          .param("alias", alias.id())
          .param("user", userId)
          .update();
    }
    for (UUID teamId : alias.teamIds()) {
      jdbc.sql("insert into acc_alias_team (alias_id, team_id) values (:alias, :team)")
          .param("alias", alias.id())
          .param("team", teamId)
          .update();
    }
  }
}
