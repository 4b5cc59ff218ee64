package dev.portico.accounts.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableInstant;
import static dev.portico.system.Sql.nullableUuid;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.accounts.Invitation;
import dev.portico.accounts.InvitationState;
import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.system.ResultPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores invitations to join a company ({@code acc_invitation}, TEN-6). */
@Repository
public class Invitations {

  private static final String PENDING = " state = 'PENDING' and expires_at > :now";

  private final JdbcClient jdbc;

  Invitations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Invitation i) {
    jdbc.sql(
            """
            insert into acc_invitation (id, account_id, user_id, email, role, license, state,
              invited_by, created_at, expires_at, answered_at)
            values (:id, :account, :user, :email, :role, :license, :state, :by, :created, :expires, null)
            """)
        .param("id", i.id())
        .param("account", i.accountId())
        .param("user", i.userId())
        .param("email", i.email())
        .param("role", i.role().name())
        .param("license", i.license().name())
        .param("state", i.state().name())
        .param("by", i.invitedBy())
        .param("created", ts(i.createdAt()))
        .param("expires", ts(i.expiresAt()))
        .update();
  }

  /** Saves a state change; only a still-pending row changes, so two answers cannot both win. */
  public boolean close(Invitation i) {
    return jdbc.sql(
                """
                update acc_invitation set state = :state, answered_at = :at
                where id = :id and state = 'PENDING'
                """)
            .param("id", i.id())
            .param("state", i.state().name())
            .param("at", i.answeredAt() == null ? null : ts(i.answeredAt()))
            .update()
        == 1;
  }

  /** The invitation, only if it is the account's: ids of other tenants find nothing. */
  public Optional<Invitation> findForAccount(UUID accountId, UUID id) {
    return jdbc.sql("select * from acc_invitation where id = :id and account_id = :account")
        .param("id", id)
        .param("account", accountId)
        .query(Invitations::map)
        .optional();
  }

  /** The invitation, only if it was sent to this user. */
  public Optional<Invitation> findForUser(UUID userId, UUID id) {
    return jdbc.sql("select * from acc_invitation where id = :id and user_id = :user")
        .param("id", id)
        .param("user", userId)
        .query(Invitations::map)
        .optional();
  }

  /** The user's pending invitation to this company, if any. */
  public Optional<Invitation> findPending(UUID accountId, UUID userId, Instant now) {
    return jdbc.sql(
            "select * from acc_invitation where account_id = :account and user_id = :user and"
                + PENDING)
        .param("account", accountId)
        .param("user", userId)
        .param("now", ts(now))
        .query(Invitations::map)
        .optional();
  }

  /** One page of the company's pending invitations, newest first. */
  public ResultPage<Invitation> pendingForAccount(
      UUID accountId, Instant now, ResultPage.Request page) {
    long total =
        jdbc.sql("select count(*) from acc_invitation where account_id = :account and" + PENDING)
            .param("account", accountId)
            .param("now", ts(now))
            .query(Long.class)
            .single();
    List<Invitation> items =
        jdbc.sql(
                "select * from acc_invitation where account_id = :account and"
                    + PENDING
                    + " order by created_at desc, id limit :limit offset :offset")
            .param("account", accountId)
            .param("now", ts(now))
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(Invitations::map)
            .list();
    return new ResultPage<>(items, page.page(), page.size(), total);
  }

  /** The user's pending invitations, newest first (a user has few). */
  public List<Invitation> pendingForUser(UUID userId, Instant now) {
    return jdbc.sql(
            "select * from acc_invitation where user_id = :user and"
                + PENDING
                + " order by created_at desc, id limit 100")
        .param("user", userId)
        .param("now", ts(now))
        .query(Invitations::map)
        .list();
  }

  private static Invitation map(ResultSet rs, int row) throws SQLException {
    return new Invitation(
        uuid(rs, "id"),
        uuid(rs, "account_id"),
        uuid(rs, "user_id"),
        rs.getString("email"),
        Role.valueOf(rs.getString("role")),
        License.valueOf(rs.getString("license")),
        InvitationState.valueOf(rs.getString("state")),
        nullableUuid(rs, "invited_by"),
        instant(rs, "created_at"),
        instant(rs, "expires_at"),
        nullableInstant(rs, "answered_at"));
  }
}
