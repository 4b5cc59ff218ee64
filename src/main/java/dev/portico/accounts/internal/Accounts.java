package dev.portico.accounts.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.Plan;
import dev.portico.system.ResultPage;
import dev.portico.system.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores accounts ({@code acc_account}). */
@Repository
public class Accounts {

  private final JdbcClient jdbc;

  Accounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Account a) {
    jdbc.sql(
            """
            insert into acc_account (id, type, name, plan, domain, allocation_start, allocation_override, created_at)
            values (:id, :type, :name, :plan, :domain, :start, :override, :created)
            """)
        .param("id", a.id())
        .param("type", a.type().name())
        .param("name", a.name())
        .param("plan", a.plan().name())
        .param("domain", a.domain())
        .param("start", a.allocationStart())
        .param("override", a.allocationOverride())
        .param("created", ts(a.createdAt()))
        .update();
  }

  public void update(Account a) {
    jdbc.sql(
            """
            update acc_account set name = :name, plan = :plan, domain = :domain,
              allocation_start = :start, allocation_override = :override where id = :id
            """)
        .param("id", a.id())
        .param("name", a.name())
        .param("plan", a.plan().name())
        .param("domain", a.domain())
        .param("start", a.allocationStart())
        .param("override", a.allocationOverride())
        .update();
  }

  public Optional<Account> find(UUID id) {
    return jdbc.sql("select * from acc_account where id = :id")
        .param("id", id)
        .query(Accounts::map)
        .optional();
  }

  /** Those of the accounts that exist, in one query. */
  public List<Account> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from acc_account where id in (:ids)")
        .param("ids", ids)
        .query(Accounts::map)
        .list();
  }

  /** Locks the account row until the transaction ends: serializes changes to its set of admins. */
  public Optional<Account> lock(UUID id) {
    return jdbc.sql("select * from acc_account where id = :id for update")
        .param("id", id)
        .query(Accounts::map)
        .optional();
  }

  public Optional<Account> findByDomain(String domain) {
    return jdbc.sql("select * from acc_account where domain = :domain")
        .param("domain", domain)
        .query(Accounts::map)
        .optional();
  }

  public List<Account> enterprisesWithDomain() {
    return jdbc.sql("select * from acc_account where domain is not null")
        .query(Accounts::map)
        .list();
  }

  public ResultPage<Account> search(
      @Nullable AccountType type, @Nullable String q, ResultPage.Request page) {
    String where =
        " where (cast(:type as varchar(16)) is null or type = :type)"
            + " and (cast(:q as varchar(300)) is null or lower(name) like :q escape '\\' or lower(coalesce(domain, '')) like :q escape '\\')";
    String typeParam = type == null ? null : type.name();
    String qParam = q == null || q.isBlank() ? null : Sql.containsPattern(q.strip());
    long total =
        jdbc.sql("select count(*) from acc_account" + where)
            .param("type", typeParam)
            .param("q", qParam)
            .query(Long.class)
            .single();
    List<Account> items =
        jdbc.sql(
                "select * from acc_account"
                    + where
                    + " order by lower(name), id limit :limit offset :offset")
            .param("type", typeParam)
            .param("q", qParam)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(Accounts::map)
            .list();
    return new ResultPage<>(items, page.page(), page.size(), total);
  }

  static Account map(ResultSet rs, int row) throws SQLException {
    return new Account(
        uuid(rs, "id"),
        AccountType.valueOf(rs.getString("type")),
        rs.getString("name"),
        Plan.valueOf(rs.getString("plan")),
        rs.getString("domain"),
        rs.getObject("allocation_start", LocalDate.class),
        rs.getObject("allocation_override", Long.class),
        instant(rs, "created_at"));
  }
}
