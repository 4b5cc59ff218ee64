package dev.portico.gateway.internal;

import dev.portico.gateway.RateLimitSettings;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import javax.sql.DataSource;

/**
 * Token buckets shared by every node through PostgreSQL: Bucket4j's {@code SELECT … FOR UPDATE}
 * proxy manager (no advisory locks, DESIGN "Scale-out") on the table {@code gw_rate_limit_bucket}
 * (V22), one row per bucket holding its serialized state and its expiry. The delaying optimization,
 * the bound, fail closed and shutdown are {@link SharedRateLimiter}'s; a sync is one transaction,
 * each statement limited by {@code rate-limit-timeout}. Rows of expired buckets are deleted by
 * {@link #purgeExpired} (any node, every minute).
 */
final class PostgresRateLimiter extends SharedRateLimiter {

  static final String TABLE = "gw_rate_limit_bucket";

  private static final int PURGE_BATCH = 1_000;

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> rows;

  PostgresRateLimiter(DataSource dataSource, RateLimitSettings settings) {
    this(manager(dataSource, settings), settings);
  }

  private PostgresRateLimiter(
      PostgreSQLSelectForUpdateBasedProxyManager<String> rows, RateLimitSettings settings) {
    super(rows, settings);
    this.rows = rows;
  }

  private static PostgreSQLSelectForUpdateBasedProxyManager<String> manager(
      DataSource dataSource, RateLimitSettings settings) {
    return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table(TABLE)
        .idColumn("id")
        .stateColumn("state")
        .expiresAtColumn("expires_at")
        .expirationAfterWrite(EXPIRY)
        .requestTimeout(settings.rateLimitTimeout())
        .build();
  }

  /** Deletes the rows of buckets that have been full for a minute (any node may do it). */
  int purgeExpired() {
    int total = 0;
    int removed;
    do {
      removed = rows.removeExpired(PURGE_BATCH);
      total += removed;
    } while (removed == PURGE_BATCH);
    return total;
  }
}
