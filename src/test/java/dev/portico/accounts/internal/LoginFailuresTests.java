package dev.portico.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.AccountsSettings;
import dev.portico.support.PorticoTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The throttling windows on the real database, with a clock the test moves: windows start at the
 * first attempt and end after {@code login-lockout}, successes give their reservation back, and the
 * per-email window counts only attempts the address's window allowed.
 */
@PorticoTest
class LoginFailuresTests {

  private static final AccountsSettings SETTINGS =
      new AccountsSettings("localhost", 3, 5, Duration.ofMinutes(15), Duration.ofDays(7));

  @Autowired JdbcClient jdbc;

  private final MovableClock clock = new MovableClock(Instant.parse("2000-01-01T10:00:00Z"));

  @Test
  void lockEndsWhenTheWindowThatStartedAtTheFirstAttemptEnds() {
    LoginFailures failures = new LoginFailures(jdbc, SETTINGS, clock);
    String email = email();
    for (int i = 0; i < 3; i++) {
      assertThat(failures.reserve(email, "198.51.100.1").allowed()).isTrue();
      clock.advance(Duration.ofMinutes(1));
    }
    LoginFailures.Attempt refused = failures.reserve(email, "198.51.100.1");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.windowEnds()).isEqualTo(Instant.parse("2000-01-01T10:15:00Z"));
    assertThat(refused.minutesLeft(clock.instant())).isEqualTo(12);

    clock.advance(Duration.ofMinutes(12));
    assertThat(failures.reserve(email, "198.51.100.1").allowed()).isTrue();
  }

  @Test
  void successGivesItsReservationBackButForgetsNoFailure() {
    LoginFailures failures = new LoginFailures(jdbc, SETTINGS, clock);
    String email = email();
    failures.reserve(email, "198.51.100.2");
    failures.reserve(email, "198.51.100.2");
    failures.reserve(email, "198.51.100.2");
    failures.succeeded(email, "198.51.100.2");
    assertThat(failures.reserve(email, "198.51.100.2").allowed()).isTrue();
    assertThat(failures.reserve(email, "198.51.100.2").allowed()).isFalse();
  }

  @Test
  void refusedAttemptsOfOneAddressDoNotUseUpTheEmailsBudget() {
    LoginFailures failures = new LoginFailures(jdbc, SETTINGS, clock);
    String email = email();
    for (int i = 0; i < 50; i++) {
      failures.reserve(email, "198.51.100.3");
    }
    // 3 reached the email's window (limit 5): two more addresses' attempts pass, then none
    assertThat(failures.reserve(email, "198.51.100.4").allowed()).isTrue();
    assertThat(failures.reserve(email, "198.51.100.5").allowed()).isTrue();
    assertThat(failures.reserve(email, "198.51.100.6").allowed()).isFalse();
  }

  @Test
  void endedWindowsAreForgotten() {
    LoginFailures failures = new LoginFailures(jdbc, SETTINGS, clock);
    String email = email();
    failures.reserve(email, "198.51.100.7");
    clock.advance(Duration.ofMinutes(16));
    failures.forgetEndedWindows();
    long rows =
        jdbc.sql("select count(*) from acc_login_throttle where email_key = :key")
            .param("key", email)
            .query(Long.class)
            .single();
    assertThat(rows).isZero();
  }

  private static String email() {
    return "throttle-" + UUID.randomUUID() + "@example.test";
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
