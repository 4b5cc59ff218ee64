package dev.portico.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The flush's SQL on H2 (the quick start's database, as shipped), which has no {@code on conflict
 * do update}: the {@code merge} path adds to existing rows instead of replacing them, and a
 * threshold is inserted once. The PostgreSQL side is {@link MeteringRulesTests}.
 */
class CounterTableH2Tests {

  final DriverManagerDataSource h2 =
      new DriverManagerDataSource(
          "jdbc:h2:mem:usage-"
              + UUID.randomUUID()
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
              + "DB_CLOSE_DELAY=-1",
          "sa",
          "");

  CounterTableH2Tests() {
    Flyway.configure()
        .dataSource(h2)
        .locations("classpath:db/migration", "classpath:db/vendor/h2")
        .load()
        .migrate();
  }

  @Test
  void flushOnH2AddsToStoredCountsNeverReplacesThem() {
    CounterTable table = new CounterTable(h2);
    assertThat(table.postgres()).isFalse();
    UUID account = UUID.randomUUID();
    LocalDate day = LocalDate.of(2026, 3, 1);
    CounterKey cell =
        new CounterKey(
            account, day, CounterKey.NONE, UUID.randomUUID(), UUID.randomUUID(), "platform");
    CounterTable.DayKey dayKey = new CounterTable.DayKey(account, day);
    CounterTable.PeriodKey all =
        new CounterTable.PeriodKey(account, LocalDate.of(2026, 1, 1), "all", "");

    table.add(Map.of(cell, 3L), Map.of(dayKey, 3L), Map.of(all, 3L));
    table.add(Map.of(cell, 4L), Map.of(dayKey, 4L), Map.of(all, 4L));

    JdbcClient sql = JdbcClient.create(h2);
    assertThat(sql.sql("select calls from use_counter").query(Long.class).list())
        .containsExactly(7L);
    assertThat(sql.sql("select calls from use_day_total").query(Long.class).list())
        .containsExactly(7L);
    assertThat(table.periodTotals(List.of(account, UUID.randomUUID())))
        .containsExactly(new CounterTable.PeriodTotal(account, LocalDate.of(2026, 1, 1), 7L));
  }

  @Test
  void thresholdOnH2IsInsertedOnceAndOnlyTheInsertingFlushSeesIt() {
    CounterTable table = new CounterTable(h2);
    UUID account = UUID.randomUUID();
    LocalDate start = LocalDate.of(2026, 1, 1);
    List<CounterTable.Threshold> reached =
        List.of(
            new CounterTable.Threshold(account, start, 25, 30, 100),
            new CounterTable.Threshold(account, start, 50, 60, 100));

    assertThat(table.insertMissing(reached, Instant.now())).hasSize(2);
    assertThat(table.insertMissing(reached, Instant.now())).isEmpty();
    assertThat(
            table.insertMissing(
                List.of(new CounterTable.Threshold(account, start, 75, 80, 100)), Instant.now()))
        .extracting(CounterTable.Threshold::threshold)
        .containsExactly(75);
  }
}
