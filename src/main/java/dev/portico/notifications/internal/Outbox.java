package dev.portico.notifications.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableInstant;
import static dev.portico.system.Sql.nullableUuid;
import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import dev.portico.system.ResultPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

/**
 * The email outbox ({@code not_email}). Sending is claimed row by row: a claim is one {@code UPDATE
 * … WHERE claimed_until < now} per batch, so when several nodes race for an email exactly one
 * update changes its row (PostgreSQL re-checks the condition after the winner commits; H2 locks the
 * row the same way) and only that node sends it. Each statement commits on its own: a claim must be
 * visible to other nodes before the SMTP conversation starts.
 */
@Repository
public class Outbox {

  private static final String COLUMNS =
      "id, kind, account_id, recipient, subject, html, text_body, state, attempts, created_at,"
          + " next_attempt_at, sent_at, last_error";
  private static final int MAX_ERROR = 1000;

  private final JdbcClient jdbc;

  Outbox(JdbcClient jdbc) {
    Assert.notNull(jdbc, "jdbc cannot be null");
    this.jdbc = jdbc;
  }

  /** Adds the email unless one with its dedupe key exists; answers whether it was added. */
  public boolean add(NewEmail email, EmailState state, Instant now) {
    return jdbc.sql(
                """
                insert into not_email (id, dedupe_key, kind, account_id, recipient_id, recipient,
                  subject, html, text_body, state, attempts, created_at, next_attempt_at)
                values (:id, :key, :kind, :account, :recipientId, :recipient, :subject, :html,
                  :text, :state, 0, :now, :now)
                on conflict do nothing
                """)
            .param("id", UUID.randomUUID())
            .param("key", email.dedupeKey())
            .param("kind", email.kind())
            .param("account", email.accountId())
            .param("recipientId", email.recipientId())
            .param("recipient", email.recipient())
            .param("subject", email.subject())
            .param("html", email.html())
            .param("text", email.text())
            .param("state", state.name())
            .param("now", ts(now))
            .update()
        == 1;
  }

  /**
   * Claims up to {@code limit} pending emails that are due and claimed by nobody (or by a node
   * whose claim ran out) for {@code claimFor}; answers those this call won, with the claim's token.
   */
  public Claim claimDue(Instant now, Duration claimFor, int limit) {
    List<UUID> due =
        jdbc.sql(
                """
                select id from not_email
                where state = 'PENDING' and next_attempt_at <= :now
                  and (claimed_until is null or claimed_until < :now)
                order by next_attempt_at limit :limit
                """)
            .param("now", ts(now))
            .param("limit", limit)
            .query(UUID.class)
            .list();
    UUID token = UUID.randomUUID();
    if (due.isEmpty()) {
      return new Claim(token, List.of());
    }
    jdbc.sql(
            """
            update not_email set claimed_until = :until, claim_token = :token
            where id in (:ids) and state = 'PENDING' and next_attempt_at <= :now
              and (claimed_until is null or claimed_until < :now)
            """)
        .param("until", ts(now.plus(claimFor)))
        .param("token", token)
        .param("ids", due)
        .param("now", ts(now))
        .update();
    List<OutboxEmail> won =
        jdbc.sql("select " + COLUMNS + " from not_email where claim_token = :token")
            .param("token", token)
            .query(Outbox::row)
            .list();
    return new Claim(token, won);
  }

  /**
   * Marks a claimed email sent; false when the claim was lost (ran out and another node took it).
   */
  public boolean markSent(UUID id, UUID token, Instant now) {
    return jdbc.sql(
                """
                update not_email set state = 'SENT', sent_at = :now, attempts = attempts + 1,
                  claimed_until = null, claim_token = null
                where id = :id and claim_token = :token
                """)
            .param("now", ts(now))
            .param("id", id)
            .param("token", token)
            .update()
        == 1;
  }

  /** Records a failed try of a claimed email and when to try again; it stays pending. */
  public void markFailed(UUID id, UUID token, String error, Instant nextAttemptAt) {
    jdbc.sql(
            """
            update not_email set attempts = attempts + 1, last_error = :error,
              next_attempt_at = :next, claimed_until = null, claim_token = null
            where id = :id and claim_token = :token
            """)
        .param("error", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
        .param("next", ts(nextAttemptAt))
        .param("id", id)
        .param("token", token)
        .update();
  }

  /** One page of every email, newest first (Operator → Outbox). */
  public ResultPage<OutboxEmail> page(ResultPage.Request request) {
    long total = jdbc.sql("select count(*) from not_email").query(Long.class).single();
    List<OutboxEmail> items =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from not_email order by created_at desc, id limit :limit offset :offset")
            .param("limit", request.size())
            .param("offset", request.offset())
            .query(Outbox::row)
            .list();
    return new ResultPage<>(items, request.page(), request.size(), total);
  }

  public Optional<OutboxEmail> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from not_email where id = :id")
        .param("id", id)
        .query(Outbox::row)
        .optional();
  }

  private static OutboxEmail row(ResultSet rs, int n) throws SQLException {
    return new OutboxEmail(
        uuid(rs, "id"),
        rs.getString("kind"),
        nullableUuid(rs, "account_id"),
        rs.getString("recipient"),
        rs.getString("subject"),
        rs.getString("html"),
        rs.getString("text_body"),
        EmailState.valueOf(rs.getString("state")),
        rs.getInt("attempts"),
        instant(rs, "created_at"),
        instant(rs, "next_attempt_at"),
        nullableInstant(rs, "sent_at"),
        rs.getString("last_error"));
  }

  /** The emails one claim won, and the token that proves it when marking them. */
  public record Claim(UUID token, List<OutboxEmail> emails) {}
}
