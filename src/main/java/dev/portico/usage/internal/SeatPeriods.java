package dev.portico.usage.internal;

import static dev.portico.system.Sql.ts;
import static dev.portico.system.Sql.uuid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores {@link SeatPeriod}s ({@code use_seat_period}, one row per account and period). Rows are
 * written only by {@link SeatChanges}, in the transaction of a seat change and under the lock of
 * the account's row that every change of a company's members takes first: one writer per account at
 * a time, so a find followed by an insert cannot race.
 */
@Repository
public class SeatPeriods {

  private final JdbcClient jdbc;

  SeatPeriods(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<SeatPeriod> find(UUID accountId, LocalDate periodStart) {
    return jdbc.sql(
            """
            select account_id, period_start, users_at_start, full_at_start, users_high, full_high,
                   user_seat_days, full_seat_days
              from use_seat_period where account_id = :account and period_start = :start
            """)
        .param("account", accountId)
        .param("start", periodStart)
        .query(
            (rs, n) ->
                new SeatPeriod(
                    uuid(rs, "account_id"),
                    rs.getObject("period_start", LocalDate.class),
                    rs.getLong("users_at_start"),
                    rs.getLong("full_at_start"),
                    rs.getLong("users_high"),
                    rs.getLong("full_high"),
                    rs.getLong("user_seat_days"),
                    rs.getLong("full_seat_days")))
        .optional();
  }

  void insert(SeatPeriod p, Instant now) {
    jdbc.sql(
            """
            insert into use_seat_period (account_id, period_start, users_at_start, full_at_start,
                users_high, full_high, user_seat_days, full_seat_days, updated_at)
            values (:account, :start, :usersAtStart, :fullAtStart, :usersHigh, :fullHigh,
                :userSeatDays, :fullSeatDays, :now)
            """)
        .params(params(p, now))
        .update();
  }

  void update(SeatPeriod p, Instant now) {
    jdbc.sql(
            """
            update use_seat_period set users_high = :usersHigh, full_high = :fullHigh,
                user_seat_days = :userSeatDays, full_seat_days = :fullSeatDays, updated_at = :now
             where account_id = :account and period_start = :start
            """)
        .params(params(p, now))
        .update();
  }

  private static java.util.Map<String, Object> params(SeatPeriod p, Instant now) {
    return java.util.Map.of(
        "account", p.accountId(),
        "start", p.periodStart(),
        "usersAtStart", p.usersAtStart(),
        "fullAtStart", p.fullAtStart(),
        "usersHigh", p.usersHigh(),
        "fullHigh", p.fullHigh(),
        "userSeatDays", p.userSeatDays(),
        "fullSeatDays", p.fullSeatDays(),
        "now", ts(now));
  }
}
