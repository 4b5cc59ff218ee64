package dev.portico.gateway.internal;

import dev.portico.accounts.ApiCaller;
import dev.portico.gateway.GatewaySettings;
import dev.portico.gateway.RateLimitSettings;
import dev.portico.gateway.RateLimitSettings.Limit;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The short-term rate limits of {@code /api/**} (API-4, USE-4), as the gateway's filter asks them:
 *
 * <ul>
 *   <li>{@link #take(ApiCaller, String)}: one token bucket per credential (API key, or OAuth client
 *       and user) and endpoint group, with the group's limit ({@code
 *       portico.gateway.rate-limits.<group>.*}, else {@code rate-limit-per-minute} per minute).
 *       With Redis configured the buckets are shared by all nodes in Redis ({@link
 *       RedisRateLimiter}), else on PostgreSQL in the database ({@link PostgresRateLimiter}); on H2
 *       they are in memory ({@link LocalRateLimiter}). The bucket's key names its limit, so a
 *       changed limit starts fresh buckets instead of keeping the old figure in the stored ones.
 *   <li>{@link #takeForAddress(String)}: calls that fail to authenticate, per client address,
 *       {@code unauthenticated-rate-limit-per-minute} — always in this node's memory, so a cluster
 *       of {@code N} nodes lets an address fail up to {@code N} times that.
 * </ul>
 */
final class RateLimits implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

  /** The reason code of a 503 when the shared buckets cannot be read or written (fail closed). */
  static final String STORE_UNAVAILABLE = "rate_limit_store_unavailable";

  private final RateLimiter credentials;
  private final RateLimiter addresses;
  private final Map<String, Limit> groups;
  private final Limit byDefault;
  private final Limit perAddress;

  RateLimits(GatewaySettings gateway, RateLimitSettings settings, RateLimiter credentials) {
    this.credentials = credentials;
    this.groups = settings.rateLimits();
    this.byDefault = Limit.perMinute(gateway.rateLimitPerMinute());
    this.perAddress = Limit.perMinute(gateway.unauthenticatedRateLimitPerMinute());
    this.addresses = new LocalRateLimiter(500_000, Duration.ofMinutes(1));
  }

  /** The limit of an endpoint group. */
  Limit limitOf(String group) {
    return groups.getOrDefault(group, byDefault);
  }

  /** Takes one call from the caller's bucket in this endpoint group. */
  RateLimiter.Decision take(ApiCaller caller, String group) {
    Limit limit = limitOf(group);
    return credentials.take(key(caller, group, limit), limit);
  }

  /** Takes one failed call from the client address's bucket (this node only). */
  RateLimiter.Decision takeForAddress(String address) {
    return addresses.take("ip:" + address, perAddress);
  }

  /** The bucket of one credential in one group under one limit. */
  static String key(ApiCaller caller, String group, Limit limit) {
    String credential =
        caller.keyId() != null
            ? "key:" + caller.keyId()
            : "client:" + caller.clientId() + ":" + caller.userId();
    return credential + "|" + group + "|" + limit.capacity() + "/" + limit.period();
  }

  /** The longest period of any group: how long an idle in-memory bucket must be remembered. */
  static Duration longestPeriod(RateLimitSettings settings) {
    Duration longest = Duration.ofMinutes(1);
    for (Limit limit : settings.rateLimits().values()) {
      if (limit.period().compareTo(longest) > 0) {
        longest = limit.period();
      }
    }
    return longest;
  }

  /**
   * Every minute, on PostgreSQL (Redis expires its keys), deletes the rows of buckets full again
   * for a minute.
   */
  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void purgeExpired() {
    if (credentials instanceof PostgresRateLimiter shared) {
      try {
        shared.purgeExpired();
      } catch (RuntimeException failed) {
        log.warn(
            "Expired rate-limit buckets not deleted, next try in a minute: {}", failed.toString());
      }
    }
  }

  /** At shutdown (after the web server stopped): writes what this node holds back. */
  @Override
  public void close() {
    credentials.close();
  }
}
