package dev.portico.gateway.internal;

import static dev.portico.system.Sql.ts;

import dev.portico.gateway.GatewaySettings;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code gw_nonce} behind {@link DatabaseNonceStore}: primary key (access key, nonce in
 * lower case). {@link NonceSnapshots} reads its recent rows when a {@code memory} store reloads.
 *
 * <p>A batch is one transaction ({@link TransactionTemplate}, timed out after {@code
 * nonce-timeout}) holding one JDBC batch of {@code insert … on conflict do nothing}: each row's
 * update count is 1 when this transaction inserted it, 0 when a row with that key exists (committed
 * by any node, or inserted by a concurrent transaction that then commits). On PostgreSQL the
 * transaction sets {@code synchronous_commit} off: the commit does not wait for the WAL flush, so a
 * crash of the database server (not of a node) could forget the last fraction of a second of
 * nonces; their requests are still bound by their {@code Date}. Rows older than twice the clock
 * skew are deleted every minute.
 */
@Component
class NonceTable implements DatabaseNonceStore.Store {

  private static final String INSERT =
      "insert into gw_nonce (access_key, nonce, seen_at) values (?, ?, ?) on conflict do nothing";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Duration retention;
  private volatile @Nullable Boolean postgres;

  NonceTable(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      Clock clock,
      GatewaySettings settings) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setName("gw_nonce batch");
    long millis = settings.nonceTimeout().toMillis();
    this.transactions.setTimeout((int) Math.max(1, (millis + 999) / 1000));
    this.clock = clock;
    this.retention = settings.maxClockSkew().multipliedBy(2);
  }

  @Override
  public int[] insert(List<NonceStore.Key> keys, Instant seenAt) {
    boolean onPostgres = isPostgres();
    OffsetDateTime at = ts(seenAt);
    List<Object[]> rows =
        keys.stream().map(k -> new Object[] {k.accessKey(), k.nonce(), at}).toList();
    return Objects.requireNonNull(
        transactions.execute(
            status -> {
              if (onPostgres) {
                jdbc.execute("set local synchronous_commit to off");
              }
              return jdbc.batchUpdate(INSERT, rows);
            }));
  }

  /** The rows seen since {@code since} (a {@code memory} store's reload). */
  public void forEachSince(Instant since, BiConsumer<NonceStore.Key, Instant> row) {
    jdbc.query(
        "select access_key, nonce, seen_at from gw_nonce where seen_at >= ?",
        rs -> {
          row.accept(
              new NonceStore.Key(rs.getString(1), rs.getString(2)),
              rs.getObject(3, OffsetDateTime.class).toInstant());
        },
        ts(since));
  }

  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void purge() {
    Instant before = clock.instant().minus(retention);
    jdbc.update("delete from gw_nonce where seen_at < ?", ts(before));
  }

  /** Whether the database is PostgreSQL (asked once). */
  boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      try {
        String product =
            JdbcUtils.extractDatabaseMetaData(
                Objects.requireNonNull(jdbc.getDataSource()),
                DatabaseMetaData::getDatabaseProductName);
        known = product.toLowerCase(Locale.ROOT).contains("postgres");
      } catch (MetaDataAccessException e) {
        throw new IllegalStateException("cannot tell the database product", e);
      }
      postgres = known;
    }
    return known;
  }
}
