package dev.portico.gateway;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway.
 *
 * @param maxClockSkew how far a signed request's {@code Date} may be from server time (KEY-5)
 * @param nonceLocalCacheSize nonces each node remembers in memory (the fast path of replay checks)
 * @param nonceWriters threads that write nonces to the database in batches (group commit)
 * @param nonceTimeout how long a signed request waits for the nonce store before it is refused with
 *     503 {@code nonce_store_unavailable} (fail closed); also the timeout of each batch's
 *     transaction
 * @param rateLimitPerMinute calls one credential may make per minute in each endpoint group that
 *     has no limit of its own in {@link RateLimitSettings}, on all nodes together (API-4, USE-4)
 * @param unauthenticatedRateLimitPerMinute failed calls one client address may make per minute, on
 *     each node
 * @param endpointGroups named path patterns (USE-4), in order, the first match naming a call's
 *     group; empty means the defaults of {@code EndpointGroups}
 */
@ConfigurationProperties("portico.gateway")
public record GatewaySettings(
    @DefaultValue("5m") Duration maxClockSkew,
    @DefaultValue("200000") int nonceLocalCacheSize,
    @DefaultValue("2") int nonceWriters,
    @DefaultValue("2s") Duration nonceTimeout,
    @DefaultValue("60000") int rateLimitPerMinute,
    @DefaultValue("600") int unauthenticatedRateLimitPerMinute,
    @DefaultValue Map<String, List<String>> endpointGroups) {

  public GatewaySettings {
    endpointGroups = Collections.unmodifiableMap(new LinkedHashMap<>(endpointGroups));
  }
}
