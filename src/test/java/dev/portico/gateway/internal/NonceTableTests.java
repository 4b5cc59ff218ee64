package dev.portico.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.gateway.GatewaySettings;
import dev.portico.gateway.internal.NonceStore.Key;
import dev.portico.support.EmbeddedPostgresSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * {@code gw_nonce} on both databases Portico runs on (the default H2 and PostgreSQL), migrated by
 * Flyway: the update counts {@link DatabaseNonceStore} relies on, and the key (access key,
 * lower-case nonce).
 */
class NonceTableTests {

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void insertCountsOneForAFirstUseAndZeroForAReplayPerAccessKey(String database) {
    NonceTable table = table(database);
    Instant now = Instant.now();
    Key first = new Key("KeyA", "abcdefghijklmnopqrst");
    Key sameNonceOtherKey = new Key("KeyB", "abcdefghijklmnopqrst");
    assertThat(table.insert(List.of(first), now)).containsExactly(1);
    assertThat(table.insert(List.of(first, sameNonceOtherKey, sameNonceOtherKey), now))
        .containsExactly(0, 1, 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void nonceIsStoredInLowerCaseOnly(String database) {
    NonceTable table = table(database);
    assertThatThrownBy(
            () -> table.insert(List.of(new Key("KeyA", "ABCDEFGHIJKLMNOPQRST")), Instant.now()))
        .isInstanceOf(RuntimeException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void rowsOlderThanTwiceTheSkewArePurged(String database) {
    Instant now = Instant.parse("2030-01-01T12:00:00Z");
    DataSource dataSource = migrated(database);
    NonceTable table = table(dataSource, Clock.fixed(now, java.time.ZoneOffset.UTC));
    Key old = new Key("KeyA", "oldoldoldoldoldoldol");
    Key recent = new Key("KeyA", "recentrecentrecentre");
    table.insert(List.of(old), now.minus(Duration.ofMinutes(11)));
    table.insert(List.of(recent), now.minus(Duration.ofMinutes(9)));
    table.purge();
    assertThat(
            new JdbcTemplate(dataSource).queryForList("select nonce from gw_nonce", String.class))
        .containsExactly(recent.nonce());
  }

  private static NonceTable table(String database) {
    return table(migrated(database), Clock.systemUTC());
  }

  private static NonceTable table(DataSource dataSource, Clock clock) {
    return new NonceTable(
        new JdbcTemplate(dataSource),
        new JdbcTransactionManager(dataSource),
        clock,
        new GatewaySettings(
            Duration.ofMinutes(5),
            1000,
            1,
            Duration.ofSeconds(2),
            60_000,
            600,
            java.util.Map.of(),
            null,
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            org.springframework.util.unit.DataSize.ofMegabytes(64),
            java.util.List.of()));
  }

  private static DataSource migrated(String database) {
    DataSource dataSource =
        database.equals("h2")
            ? new DriverManagerDataSource(
                "jdbc:h2:mem:nonces-"
                    + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                    + ";DB_CLOSE_DELAY=-1",
                "sa",
                "")
            : new DriverManagerDataSource(EmbeddedPostgresSupport.newDatabase(), "postgres", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }
}
