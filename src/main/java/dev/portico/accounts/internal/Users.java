package dev.portico.accounts.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableUuid;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.accounts.UserState;
import dev.portico.system.ResultPage;
import dev.portico.system.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores users ({@code acc_user}); emails are unique case-insensitively through {@code email_key}.
 */
@Repository
public class Users {

  /** Columns a user list may be sorted by, as the console names them. */
  public static final Map<String, String> SORTS =
      Map.of(
          "name",
          "lower(name)",
          "email",
          "email_key",
          "role",
          "company_role",
          "license",
          "license",
          "state",
          "state",
          "created",
          "created_at");

  private final JdbcClient jdbc;

  Users(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public static String emailKey(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public void insert(User u, @Nullable String passwordHash) {
    jdbc.sql(
            """
            insert into acc_user (id, email, email_key, name, password_hash, license, state, operator,
              personal_account_id, company_id, company_role, created_at)
            values (:id, :email, :key, :name, :hash, :license, :state, :operator, :personal, :company, :role, :created)
            """)
        .param("id", u.id())
        .param("email", u.email())
        .param("key", emailKey(u.email()))
        .param("name", u.name())
        .param("hash", passwordHash)
        .param("license", u.license().name())
        .param("state", u.state().name())
        .param("operator", u.operator())
        .param("personal", u.personalAccountId())
        .param("company", u.companyId())
        .param("role", u.role() == null ? null : u.role().name())
        .param("created", ts(u.createdAt()))
        .update();
  }

  /** Saves what may change of a user: name, license, state, company and role. */
  public void update(User u) {
    jdbc.sql(
            """
            update acc_user set name = :name, license = :license, state = :state, operator = :operator,
              company_id = :company, company_role = :role where id = :id
            """)
        .param("id", u.id())
        .param("name", u.name())
        .param("license", u.license().name())
        .param("state", u.state().name())
        .param("operator", u.operator())
        .param("company", u.companyId())
        .param("role", u.role() == null ? null : u.role().name())
        .update();
  }

  public void updatePassword(UUID id, String passwordHash) {
    jdbc.sql("update acc_user set password_hash = :hash where id = :id")
        .param("id", id)
        .param("hash", passwordHash)
        .update();
  }

  public Optional<User> find(UUID id) {
    return jdbc.sql("select * from acc_user where id = :id")
        .param("id", id)
        .query(Users::map)
        .optional();
  }

  /** The user, locked until the transaction ends (row lock). */
  public Optional<User> lock(UUID id) {
    return jdbc.sql("select * from acc_user where id = :id for update")
        .param("id", id)
        .query(Users::map)
        .optional();
  }

  public Optional<User> findByEmail(String email) {
    return jdbc.sql("select * from acc_user where email_key = :key")
        .param("key", emailKey(email))
        .query(Users::map)
        .optional();
  }

  /** The owner of a personal account. */
  public Optional<User> findByPersonalAccount(UUID accountId) {
    return jdbc.sql("select * from acc_user where personal_account_id = :account")
        .param("account", accountId)
        .query(Users::map)
        .optional();
  }

  public Optional<String> passwordHash(String email) {
    return jdbc.sql(
            "select password_hash from acc_user where email_key = :key and password_hash is not null")
        .param("key", emailKey(email))
        .query(String.class)
        .optional();
  }

  public List<User> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from acc_user where id in (:ids) order by lower(name)")
        .param("ids", ids)
        .query(Users::map)
        .list();
  }

  public List<User> members(UUID companyId) {
    return jdbc.sql("select * from acc_user where company_id = :company order by lower(name), id")
        .param("company", companyId)
        .query(Users::map)
        .list();
  }

  /** How many members the company has. */
  public long countMembers(UUID companyId) {
    return jdbc.sql("select count(*) from acc_user where company_id = :company")
        .param("company", companyId)
        .query(Long.class)
        .single();
  }

  /** How many members of the company hold a {@code FULL} license, in any state. */
  public long countFullMembers(UUID companyId) {
    return jdbc.sql(
            "select count(*) from acc_user where company_id = :company and license = :license")
        .param("company", companyId)
        .param("license", License.FULL.name())
        .query(Long.class)
        .single();
  }

  /** How many of the given users are members of the company: one query, however many. */
  public long countMembersAmong(UUID companyId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql("select count(*) from acc_user where company_id = :company and id in (:ids)")
        .param("company", companyId)
        .param("ids", ids)
        .query(Long.class)
        .single();
  }

  /** The company's admins, by name. */
  public List<User> admins(UUID companyId) {
    return jdbc.sql(
            "select * from acc_user where company_id = :company and company_role = 'ADMIN'"
                + " order by lower(name), id")
        .param("company", companyId)
        .query(Users::map)
        .list();
  }

  /**
   * At most {@code limit} members whose name or email contains the text (any, when blank), by name:
   * what a picker offers, however large the company.
   */
  public List<User> candidates(UUID companyId, @Nullable String q, boolean activeOnly, int limit) {
    String qParam = q == null || q.isBlank() ? null : Sql.containsPattern(q.strip());
    return jdbc.sql(
            "select * from acc_user where company_id = :company"
                + (activeOnly ? " and state = 'ACTIVE'" : "")
                + " and (cast(:q as varchar(300)) is null"
                + " or lower(name) like :q escape '\\' or email_key like :q escape '\\')"
                + " order by lower(name), id limit :limit")
        .param("company", companyId)
        .param("q", qParam)
        .param("limit", limit)
        .query(Users::map)
        .list();
  }

  /** Active, non-light users whose name or email contains {@code q}, by name. */
  public List<User> activeFullUsers(String q, int limit) {
    return jdbc.sql(
            "select * from acc_user where state = 'ACTIVE' and license <> 'LIGHT' and (lower(name)"
                + " like :q escape '\\' or email_key like :q escape '\\')"
                + " order by lower(name), id limit :limit")
        .param("q", Sql.containsPattern(q))
        .param("limit", limit)
        .query(Users::map)
        .list();
  }

  public long countActiveAdmins(UUID companyId) {
    return jdbc.sql(
            "select count(*) from acc_user where company_id = :company and company_role = 'ADMIN' and state = 'ACTIVE'")
        .param("company", companyId)
        .query(Long.class)
        .single();
  }

  public ResultPage<User> search(
      UUID companyId, @Nullable String q, String sort, boolean ascending, ResultPage.Request page) {
    return search(companyId, q, true, sort, ascending, page);
  }

  /**
   * One page of the company's members whose name (and, if {@code matchEmail}, email) contains
   * {@code q}. Without {@code matchEmail} a search cannot confirm an email the caller may not see.
   */
  public ResultPage<User> search(
      UUID companyId,
      @Nullable String q,
      boolean matchEmail,
      String sort,
      boolean ascending,
      ResultPage.Request page) {
    String where =
        " where company_id = :company and (cast(:q as varchar(300)) is null"
            + " or lower(name) like :q escape '\\'"
            + (matchEmail ? " or email_key like :q escape '\\')" : ")");
    String qParam = q == null || q.isBlank() ? null : Sql.containsPattern(q.strip());
    // the tie-breaker runs the same way, so one index serves both directions
    String direction = ascending ? " asc" : " desc";
    String order = SORTS.getOrDefault(sort, "lower(name)") + direction + ", id" + direction;
    long total =
        jdbc.sql("select count(*) from acc_user" + where)
            .param("company", companyId)
            .param("q", qParam)
            .query(Long.class)
            .single();
    List<User> items =
        jdbc.sql(
                "select * from acc_user"
                    + where
                    + " order by "
                    + order
                    + " limit :limit offset :offset")
            .param("company", companyId)
            .param("q", qParam)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(Users::map)
            .list();
    return new ResultPage<>(items, page.page(), page.size(), total);
  }

  static User map(ResultSet rs, int row) throws SQLException {
    String role = rs.getString("company_role");
    return new User(
        uuid(rs, "id"),
        rs.getString("email"),
        rs.getString("name"),
        License.valueOf(rs.getString("license")),
        UserState.valueOf(rs.getString("state")),
        rs.getBoolean("operator"),
        uuid(rs, "personal_account_id"),
        nullableUuid(rs, "company_id"),
        role == null ? null : Role.valueOf(role),
        instant(rs, "created_at"));
  }
}
