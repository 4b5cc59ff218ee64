package dev.portico.accounts.internal;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.ts;

import dev.portico.accounts.AccountsSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttles console sign-ins in the database, so that every node sees the same counts. Two windows
 * of {@code login-lockout}, each starting at its first attempt:
 *
 * <ul>
 *   <li>per email × source address, {@code login-max-failures} attempts: a stranger who types wrong
 *       passwords for someone's email locks only their own address out of that email;
 *   <li>per email across all addresses, the higher {@code login-max-failures-per-email}: guessing
 *       spread over many addresses stays bounded too.
 * </ul>
 *
 * <p>An attempt is <em>reserved</em> before its password is checked, by one atomic {@code update …
 * set attempts = attempts + 1} whose row lock orders parallel attempts: the n-th attempt of a
 * window reads n, whatever the number of nodes, and only attempts up to the limit may check a
 * password. So a burst of parallel guesses gets at most the limit of password checks, with no lost
 * increments. A successful sign-in {@linkplain #succeeded releases} its own reservation: only
 * failures (and refused attempts) count, and a slot is never handed out twice in a window. Emails
 * that do not exist are counted exactly like known ones, so the lock reveals nothing.
 */
@Repository
class LoginFailures {

  /** The {@code source} of the per-email row (never a client address). */
  static final String ANY_SOURCE = "*";

  /** Attempts stop being counted here, far above any limit (no integer overflow). */
  private static final int CAP = 1_000_000;

  private static final int MAX_SOURCE = 64;

  private final JdbcClient jdbc;
  private final AccountsSettings settings;
  private final Clock clock;

  LoginFailures(JdbcClient jdbc, AccountsSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Reserves one sign-in attempt for this email from this source address: first against the
   * address's window, then (only if that allows it, so one address cannot use up the email's
   * budget) against the email's.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Attempt reserve(String emailKey, String source) {
    Instant now = clock.instant();
    Attempt perSource = take(emailKey, source(source), settings.loginMaxFailures(), now);
    if (!perSource.allowed()) {
      return perSource;
    }
    return take(emailKey, ANY_SOURCE, settings.loginMaxFailuresPerEmail(), now);
  }

  /** Gives back the reservations of an attempt that signed in: a success is not a failure. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void succeeded(String emailKey, String source) {
    for (String s : new String[] {source(source), ANY_SOURCE}) {
      jdbc.sql(
              """
              update acc_login_throttle set attempts = attempts - 1
              where email_key = :key and source = :source and attempts > 0
              """)
          .param("key", emailKey)
          .param("source", s)
          .update();
    }
  }

  /** Forgets windows that have ended, on every node (idempotent). */
  @Scheduled(fixedDelay = 300_000, initialDelay = 300_000)
  @Transactional
  public void forgetEndedWindows() {
    jdbc.sql("delete from acc_login_throttle where window_start <= :ended")
        .param("ended", ts(clock.instant().minus(settings.loginLockout())))
        .update();
  }

  private Attempt take(String emailKey, String source, int limit, Instant now) {
    try {
      jdbc.sql(
              """
              insert into acc_login_throttle (email_key, source, attempts, window_start)
              values (:key, :source, 0, :now) on conflict do nothing
              """)
          .param("key", emailKey)
          .param("source", source)
          .param("now", ts(now))
          .update();
    } catch (DuplicateKeyException raced) {
      // another attempt inserted the row first; the update below counts on it
    }
    // One statement: the row lock serializes parallel attempts, every SET reads the old values.
    jdbc.sql(
            """
            update acc_login_throttle set
              attempts = case when window_start <= :ended then 1 else least(attempts + 1, :cap) end,
              window_start = case when window_start <= :ended then :now else window_start end
            where email_key = :key and source = :source
            """)
        .param("key", emailKey)
        .param("source", source)
        .param("ended", ts(now.minus(settings.loginLockout())))
        .param("now", ts(now))
        .param("cap", CAP)
        .update();
    // Still in the transaction that holds the row lock: this reads our own increment.
    Attempt attempt =
        jdbc.sql(
                "select attempts, window_start from acc_login_throttle"
                    + " where email_key = :key and source = :source")
            .param("key", emailKey)
            .param("source", source)
            .query(
                (rs, n) ->
                    new Attempt(
                        rs.getInt("attempts") <= limit,
                        instant(rs, "window_start").plus(settings.loginLockout())))
            .single();
    return attempt;
  }

  private static String source(String address) {
    String s = address.isBlank() ? "unknown" : address;
    return s.length() > MAX_SOURCE ? s.substring(0, MAX_SOURCE) : s;
  }

  /**
   * The outcome of a reservation.
   *
   * @param allowed whether this attempt may check a password
   * @param windowEnds when the window ends (a refused attempt may try again then)
   */
  record Attempt(boolean allowed, Instant windowEnds) {

    /** Whole minutes until the window ends, at least 1, for the sign-in page. */
    int minutesLeft(Instant now) {
      long seconds = Math.max(0, Duration.between(now, windowEnds).toSeconds());
      return (int) Math.max(1, (seconds + 59) / 60);
    }
  }
}
