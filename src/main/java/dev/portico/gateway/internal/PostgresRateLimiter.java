package dev.portico.gateway.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.portico.gateway.RateLimitSettings;
import dev.portico.gateway.RateLimitSettings.Limit;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets shared by every node through PostgreSQL: Bucket4j's {@code SELECT … FOR UPDATE}
 * proxy manager (no advisory locks, DESIGN "Scale-out") on the table {@code gw_rate_limit_bucket}
 * (V22), one row per bucket holding its serialized state.
 *
 * <p><b>No round trip per call.</b> Each node keeps a proxy per bucket (Caffeine, idle ones dropped
 * after a minute) with Bucket4j's <em>delaying</em> optimization: the node answers from its own
 * copy of the bucket and writes to the database, in one transaction that adds what it took and
 * reads back the current state, only when it has taken {@code M = max(1, capacity × sync-share)}
 * calls since, or when its copy is older than {@code sync-interval}. Concurrent calls of one bucket
 * on one node share one round trip (batching). Calls refused by the local copy cost nothing.
 *
 * <p><b>Bound.</b> A node allows a call only while its copy shows a token; what it took is always
 * written before it reads again, and a write that finds the bucket empty leaves the copy empty.
 * After the bucket is emptied in the database each node can still take at most the {@code M} calls
 * of its current run, so with {@code N} nodes at most {@code N × M} calls beyond the limit are
 * served in a period (plus the refill). One node alone never exceeds it.
 *
 * <p><b>Fail closed.</b> A read or write that fails or times out ({@code rate-limit-timeout} per
 * statement) is {@link Verdict#UNAVAILABLE}: 503 {@code rate_limit_store_unavailable}. What the
 * node took and could not write stays held back and is written with its next successful sync. For
 * up to {@code sync-interval} after the database went away a node may still answer up to {@code M}
 * calls per bucket from its copy.
 *
 * <p><b>Shutdown.</b> {@link #close} writes what each proxy holds back; so does a proxy dropped for
 * idleness. A node killed hard loses at most {@code M} calls per bucket it was using (they are
 * never charged: the bucket errs towards the client).
 */
final class PostgresRateLimiter implements RateLimiter {

  static final String TABLE = "gw_rate_limit_bucket";

  private static final Logger log = LoggerFactory.getLogger(PostgresRateLimiter.class);
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;
  private static final int PURGE_BATCH = 1_000;

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> manager;
  private final double syncShare;
  private final Duration syncInterval;
  private final Cache<String, BucketProxy> proxies;
  private final AtomicLong lastFailureLogged = new AtomicLong();

  PostgresRateLimiter(DataSource dataSource, RateLimitSettings settings) {
    this.manager =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table(TABLE)
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            // a row is kept a minute beyond the moment its bucket would be full again
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .requestTimeout(settings.rateLimitTimeout())
            .build();
    this.syncShare = settings.rateLimitSyncShare();
    this.syncInterval = settings.rateLimitSyncInterval();
    this.proxies =
        Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(1))
            .removalListener(
                (@Nullable String key, @Nullable BucketProxy proxy, RemovalCause cause) -> {
                  if (proxy != null && cause != RemovalCause.REPLACED) {
                    flush(proxy);
                  }
                })
            .build();
  }

  @Override
  public Decision take(String key, Limit limit) {
    BucketProxy proxy = proxies.get(key, k -> proxy(k, limit));
    try {
      try {
        return Decision.of(proxy.tryConsumeAndReturnRemaining(1));
      } catch (RuntimeException failed) {
        if (!missingBucket(failed)) {
          throw failed;
        }
        // Concurrent first calls of a bucket on one node are batched, and a batch that finds no
        // row fails instead of creating it: create it with one plain call, then take again.
        manager.builder().build(key, () -> configuration(limit)).getAvailableTokens();
        return Decision.of(proxy.tryConsumeAndReturnRemaining(1));
      }
    } catch (RuntimeException failed) {
      logFailure("Rate limit store failed: refusing with 503 ({})", failed);
      return Decision.UNAVAILABLE;
    }
  }

  /** The calls one node may take from its copy of a bucket between two syncs. */
  long unsynchronizedCalls(Limit limit) {
    return Math.max(1, (long) Math.floor(limit.capacity() * syncShare));
  }

  /** Whether the failure is Bucket4j's "no row for this bucket", possibly inside a batch's. */
  private static boolean missingBucket(Throwable failed) {
    for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
      if (cause instanceof BucketNotFoundException) {
        return true;
      }
    }
    return false;
  }

  private static BucketConfiguration configuration(Limit limit) {
    return BucketConfiguration.builder().addLimit(LocalRateLimiter.bandwidth(limit)).build();
  }

  private BucketProxy proxy(String key, Limit limit) {
    BucketConfiguration configuration = configuration(limit);
    return manager
        .builder()
        .withOptimization(
            Optimizations.delaying(new DelayParameters(unsynchronizedCalls(limit), syncInterval)))
        .build(key, () -> configuration);
  }

  /** Deletes the rows of buckets that have been full for a minute (any node may do it). */
  int purgeExpired() {
    int total = 0;
    int removed;
    do {
      removed = manager.removeExpired(PURGE_BATCH);
      total += removed;
    } while (removed == PURGE_BATCH);
    return total;
  }

  @Override
  public void close() {
    proxies.asMap().values().forEach(this::flush);
  }

  /** Writes what the proxy holds back, if it holds anything: no round trip otherwise. */
  private void flush(BucketProxy proxy) {
    try {
      proxy.getOptimizationController().syncByCondition(1, Duration.ZERO);
    } catch (RuntimeException failed) {
      logFailure("Rate limit store: could not write a bucket's last calls ({})", failed);
    }
  }

  private void logFailure(String message, RuntimeException failed) {
    long now = System.nanoTime();
    long last = lastFailureLogged.get();
    if ((last == 0 || now - last >= LOG_EVERY_NANOS)
        && lastFailureLogged.compareAndSet(last, now)) {
      log.warn(message, failed.toString());
    }
  }
}
