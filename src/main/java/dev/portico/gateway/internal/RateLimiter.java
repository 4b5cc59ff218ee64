package dev.portico.gateway.internal;

import dev.portico.gateway.RateLimitSettings.Limit;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets of the short-term rate limits (API-4, USE-4), one per key: {@link LocalRateLimiter}
 * in this node's memory, {@link PostgresRateLimiter} and {@link RedisRateLimiter} shared by every
 * node through PostgreSQL or Redis ({@link SharedRateLimiter}). {@link RateLimits} chooses and
 * calls them.
 */
interface RateLimiter extends AutoCloseable {

  /** Takes one call from the bucket of this key, created full with this limit if new. */
  Decision take(String key, Limit limit);

  /** Writes what this node holds back, if anything (at shutdown); never throws. */
  @Override
  default void close() {}

  /** What became of a call. */
  enum Verdict {
    /** Within the limit: the call proceeds. */
    ALLOWED,
    /** Over the limit: 429 with {@code Retry-After}. */
    LIMITED,
    /** The shared buckets cannot be read or written: 503, the call is not served (fail closed). */
    UNAVAILABLE
  }

  /**
   * The verdict, the calls left in the bucket after this one (the {@code X-Rate-Limit-Remaining}
   * header; 0 when over the limit or unknown) and, over the limit, the whole seconds until the next
   * call is allowed (at least 1).
   */
  record Decision(Verdict verdict, long remaining, long retryAfterSeconds) {

    static final Decision UNAVAILABLE = new Decision(Verdict.UNAVAILABLE, 0, 1);

    boolean allowed() {
      return verdict == Verdict.ALLOWED;
    }

    static Decision of(ConsumptionProbe probe) {
      long remaining = Math.max(0, probe.getRemainingTokens());
      if (probe.isConsumed()) {
        return new Decision(Verdict.ALLOWED, remaining, 0);
      }
      long nanos = probe.getNanosToWaitForRefill();
      long seconds = nanos / 1_000_000_000L + (nanos % 1_000_000_000L == 0 ? 0 : 1);
      return new Decision(Verdict.LIMITED, 0, Math.max(1, seconds));
    }
  }
}
