package dev.portico.gateway.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.portico.gateway.RateLimitSettings;
import dev.portico.gateway.RateLimitSettings.Limit;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets shared by every node through a Bucket4j {@link ProxyManager}: PostgreSQL ({@link
 * PostgresRateLimiter}) or Redis ({@link RedisRateLimiter}). The two differ only by the proxy
 * manager; everything below is common.
 *
 * <p><b>No round trip per call.</b> Each node keeps a proxy per bucket (Caffeine, idle ones dropped
 * after a minute) with Bucket4j's <em>delaying</em> optimization: the node answers from its own
 * copy of the bucket and writes to the store, in one operation that adds what it took and reads
 * back the current state, only when it has taken {@code M = max(1, capacity × sync-share)} calls
 * since, or when its copy is older than {@code sync-interval}. Concurrent calls of one bucket on
 * one node share one round trip (batching). Calls refused by the local copy cost nothing.
 *
 * <p><b>Bound.</b> A node allows a call only while its copy shows a token; what it took is always
 * written before it reads again, and a write that finds the bucket empty leaves the copy empty.
 * After the bucket is emptied in the store each node can still take at most the {@code M} calls of
 * its current run, so with {@code N} nodes at most {@code N × M} calls beyond the limit are served
 * in a period (plus the refill). One node alone never exceeds it.
 *
 * <p><b>Expiry.</b> A stored bucket expires a minute after the moment it would be full again
 * ({@link #EXPIRY}): forgetting it then gives nothing away.
 *
 * <p><b>Fail closed.</b> A read or write that fails or times out ({@code rate-limit-timeout}), or a
 * store the subclass knows is unreachable ({@link #reachable}), is {@link Verdict#UNAVAILABLE}: 503
 * {@code rate_limit_store_unavailable}. What the node took and could not write stays held back and
 * is written with its next successful sync. For up to {@code sync-interval} after the store went
 * away a node may still answer up to {@code M} calls per bucket from its copy (unless {@link
 * #reachable} already says no).
 *
 * <p><b>Shutdown.</b> {@link #close} writes what each proxy holds back; so does a proxy dropped for
 * idleness. A node killed hard loses at most {@code M} calls per bucket it was using (they are
 * never charged: the bucket errs towards the client).
 */
abstract class SharedRateLimiter implements RateLimiter {

  /** How long a stored bucket is kept beyond the moment it would be full again. */
  static final ExpirationAfterWriteStrategy EXPIRY =
      ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));

  private static final Logger log = LoggerFactory.getLogger(SharedRateLimiter.class);
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;

  private final ProxyManager<String> manager;
  private final double syncShare;
  private final Duration syncInterval;
  private final Cache<String, BucketProxy> proxies;
  private final AtomicLong lastFailureLogged = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  SharedRateLimiter(ProxyManager<String> manager, RateLimitSettings settings) {
    this.manager = manager;
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

  /** Whether the store may be reachable; {@code false} refuses at once, without waiting. */
  boolean reachable() {
    return true;
  }

  @Override
  public final Decision take(String key, Limit limit) {
    if (!reachable()) {
      logFailure("Rate limit store unreachable: refusing with 503 ({})", "no connection");
      return Decision.UNAVAILABLE;
    }
    BucketProxy proxy = proxies.get(key, k -> proxy(k, limit));
    try {
      try {
        return Decision.of(proxy.tryConsumeAndReturnRemaining(1));
      } catch (RuntimeException failed) {
        if (!missingBucket(failed)) {
          throw failed;
        }
        // Concurrent first calls of a bucket on one node are batched, and a batch that finds no
        // stored bucket fails instead of creating it: create it with one plain call, take again.
        manager.builder().build(key, () -> configuration(limit)).getAvailableTokens();
        return Decision.of(proxy.tryConsumeAndReturnRemaining(1));
      }
    } catch (RuntimeException failed) {
      logFailure("Rate limit store failed: refusing with 503 ({})", failed.toString());
      return Decision.UNAVAILABLE;
    }
  }

  /** The calls one node may take from its copy of a bucket between two syncs. */
  final long unsynchronizedCalls(Limit limit) {
    return Math.max(1, (long) Math.floor(limit.capacity() * syncShare));
  }

  /** Whether the failure is Bucket4j's "no stored bucket", possibly inside a batch's. */
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

  /** Writes what every proxy holds back, then releases the store ({@link #closeStore}); once. */
  @Override
  public final void close() {
    if (closed.compareAndSet(false, true)) {
      proxies.asMap().values().forEach(this::flush);
      closeStore();
    }
  }

  /** Releases what the subclass holds (a connection), after the last flush; never throws. */
  void closeStore() {}

  /** Writes what the proxy holds back, if it holds anything: no round trip otherwise. */
  private void flush(BucketProxy proxy) {
    try {
      proxy.getOptimizationController().syncByCondition(1, Duration.ZERO);
    } catch (RuntimeException failed) {
      logFailure("Rate limit store: could not write a bucket's last calls ({})", failed.toString());
    }
  }

  private void logFailure(String message, String failure) {
    long now = System.nanoTime();
    long last = lastFailureLogged.get();
    if ((last == 0 || now - last >= LOG_EVERY_NANOS)
        && lastFailureLogged.compareAndSet(last, now)) {
      log.warn(message, failure);
    }
  }
}
