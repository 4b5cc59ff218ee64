package dev.portico.gateway;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Short-term rate limits of {@code /api/**} (API-4, USE-4), beside {@link GatewaySettings} under
 * the same prefix: a token bucket per credential and endpoint group, held across nodes in Redis
 * when it is configured, else in PostgreSQL (docs/gateway.md "Rate limits").
 *
 * @param rateLimits per endpoint group, the bucket's capacity and the period in which it refills
 *     completely ({@code portico.gateway.rate-limits.<group>.capacity}, {@code .period}); a group
 *     not named here gets {@code rate-limit-per-minute} calls per minute
 * @param rateLimitSyncShare on PostgreSQL or Redis, how much of a bucket's capacity one node may
 *     take from its own copy of the bucket before it writes to the store (at least one call): the
 *     cluster can exceed a limit by at most this share times the number of nodes
 * @param rateLimitSyncInterval on PostgreSQL or Redis, how old a node's copy of a bucket may be:
 *     the first call after this long reads and writes the store
 * @param rateLimitTimeout on PostgreSQL, the timeout of each statement of a bucket's read and write
 *     (whole seconds, at least 1), on Redis of each command; no answer in time is 503 {@code
 *     rate_limit_store_unavailable}
 */
@ConfigurationProperties("portico.gateway")
public record RateLimitSettings(
    @DefaultValue Map<String, Limit> rateLimits,
    @DefaultValue("0.01") double rateLimitSyncShare,
    @DefaultValue("1s") Duration rateLimitSyncInterval,
    @DefaultValue("2s") Duration rateLimitTimeout) {

  public RateLimitSettings {
    rateLimits = Collections.unmodifiableMap(new LinkedHashMap<>(rateLimits));
    if (rateLimitSyncShare < 0 || rateLimitSyncShare > 1) {
      throw new IllegalArgumentException(
          "portico.gateway.rate-limit-sync-share must be between 0 and 1: " + rateLimitSyncShare);
    }
  }

  /**
   * One endpoint group's bucket: {@code capacity} calls, refilled greedily (a call's worth at a
   * time) so that an empty bucket is full again after {@code period} (default one minute).
   */
  public record Limit(long capacity, @DefaultValue("1m") Duration period) {

    public Limit {
      if (capacity < 1 || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException(
            "a rate limit needs a capacity of at least 1 and a positive period: "
                + capacity
                + " per "
                + period);
      }
    }

    /** {@code calls} per minute. */
    public static Limit perMinute(long calls) {
      return new Limit(calls, Duration.ofMinutes(1));
    }
  }
}
