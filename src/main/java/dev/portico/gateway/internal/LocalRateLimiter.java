package dev.portico.gateway.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portico.gateway.RateLimitSettings.Limit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Bucket4j buckets in this node's memory (lock-free, no I/O): the credentials' buckets on the
 * embedded H2 (a single node by nature) and, on every database, the buckets of client addresses
 * that fail to authenticate (counted per node).
 *
 * <p>A bucket not used for {@code idle} is forgotten: with {@code idle} at least the longest
 * period, it would have refilled completely by then, so forgetting it gives nothing away (unless
 * more than {@code maximumSize} keys are active at once, when the least recently used go first).
 */
final class LocalRateLimiter implements RateLimiter {

  private final Cache<String, Bucket> buckets;

  LocalRateLimiter(long maximumSize, Duration idle) {
    this.buckets = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(idle).build();
  }

  @Override
  public Decision take(String key, Limit limit) {
    Bucket bucket = buckets.get(key, k -> Bucket.builder().addLimit(bandwidth(limit)).build());
    return Decision.of(bucket.tryConsumeAndReturnRemaining(1));
  }

  static Bandwidth bandwidth(Limit limit) {
    return Bandwidth.builder()
        .capacity(limit.capacity())
        .refillGreedy(limit.capacity(), limit.period())
        .build();
  }
}
