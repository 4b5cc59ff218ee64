package dev.portico.accounts.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableInstant;
import static dev.portico.system.Sql.ts;

import dev.portico.accounts.AccountsSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed console sign-ins per email in the database, so that every node sees the same count,
 * and locks the email for a while after too many (login throttling). Emails that do not exist are
 * counted and locked too, so the lock reveals nothing.
 */
@Repository
class LoginFailures {

  private final JdbcClient jdbc;
  private final AccountsSettings settings;
  private final Clock clock;

  LoginFailures(JdbcClient jdbc, AccountsSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  /** When the email may try again, if it is locked now. */
  @Transactional(readOnly = true)
  public Optional<Instant> lockedUntil(String emailKey) {
    Instant now = clock.instant();
    return find(emailKey).map(Row::lockedUntil).filter(until -> until.isAfter(now));
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordFailure(String emailKey) {
    Instant now = clock.instant();
    Optional<Row> row = find(emailKey);
    if (row.isEmpty()) {
      try {
        jdbc.sql(
                "insert into acc_login_failure (email_key, failures, first_at) values (:key, 1, :now)")
            .param("key", emailKey)
            .param("now", ts(now))
            .update();
        return;
      } catch (DuplicateKeyException raced) {
        row = find(emailKey);
      }
    }
    Row current = row.orElseThrow();
    boolean windowOver = current.firstAt().plus(settings.loginLockout()).isBefore(now);
    int failures = windowOver ? 1 : current.failures() + 1;
    Instant firstAt = windowOver ? now : current.firstAt();
    Instant locked =
        failures >= settings.loginMaxFailures() ? now.plus(settings.loginLockout()) : null;
    jdbc.sql(
            "update acc_login_failure set failures = :f, first_at = :first, locked_until = :locked where email_key = :key")
        .param("key", emailKey)
        .param("f", failures)
        .param("first", ts(firstAt))
        .param("locked", locked == null ? null : ts(locked))
        .update();
  }

  @Transactional
  public void clear(String emailKey) {
    jdbc.sql("delete from acc_login_failure where email_key = :key")
        .param("key", emailKey)
        .update();
  }

  private Optional<Row> find(String emailKey) {
    return jdbc.sql("select * from acc_login_failure where email_key = :key")
        .param("key", emailKey)
        .query(
            (rs, n) ->
                new Row(
                    rs.getInt("failures"),
                    instant(rs, "first_at"),
                    nullableInstant(rs, "locked_until")))
        .optional();
  }

  private record Row(int failures, Instant firstAt, @Nullable Instant lockedUntil) {
    @Override
    public Instant lockedUntil() {
      return lockedUntil == null ? Instant.EPOCH : lockedUntil;
    }
  }
}
