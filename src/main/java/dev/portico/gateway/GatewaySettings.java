package dev.portico.gateway;

import dev.portico.accounts.Scope;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the gateway.
 *
 * @param maxClockSkew how far a signed request's {@code Date} may be from server time (KEY-5)
 * @param nonceLocalCacheSize {@code database} nonce store: nonces each node remembers in memory
 *     (the fast path of replay checks); the store itself is chosen in {@link NonceStoreSettings}
 * @param nonceWriters {@code database} nonce store: threads that write nonces to the database in
 *     batches (group commit)
 * @param nonceTimeout how long a signed request waits for the nonce store (any of them) before it
 *     is refused with 503 {@code nonce_store_unavailable} (fail closed); also the timeout of each
 *     batch's transaction
 * @param rateLimitPerMinute calls one credential may make per minute in each endpoint group that
 *     has no limit of its own in {@link RateLimitSettings}, on all nodes together (API-4, USE-4)
 * @param unauthenticatedRateLimitPerMinute failed calls one client address may make per minute, on
 *     each node
 * @param endpointGroups named path patterns (USE-4), in order, the first match naming a call's
 *     group; empty means the defaults of {@code EndpointGroups}
 * @param upstream the base URL that {@code /api/**} paths no Portico endpoint answers are proxied
 *     to (API-3); unset, such paths answer 404
 * @param upstreamConnectTimeout how long the proxy waits for the upstream to accept a connection
 *     (then 504)
 * @param upstreamReadTimeout the longest silence the proxy accepts from the upstream: waiting for
 *     its answer once the request body stopped moving, and between two chunks of its body (then
 *     504, or a broken-off answer once it started)
 * @param upstreamMaxRequestBody the largest request body proxied upstream; it is streamed, never
 *     held, so it may be larger than {@code portico.system.max-request-body}
 * @param upstreamRules path rules that require another scope than the method's for proxied paths
 */
@ConfigurationProperties("portico.gateway")
public record GatewaySettings(
    @DefaultValue("5m") Duration maxClockSkew,
    @DefaultValue("200000") int nonceLocalCacheSize,
    @DefaultValue("2") int nonceWriters,
    @DefaultValue("2s") Duration nonceTimeout,
    @DefaultValue("60000") int rateLimitPerMinute,
    @DefaultValue("600") int unauthenticatedRateLimitPerMinute,
    @DefaultValue Map<String, List<String>> endpointGroups,
    @Nullable URI upstream,
    @DefaultValue("5s") Duration upstreamConnectTimeout,
    @DefaultValue("30s") Duration upstreamReadTimeout,
    @DefaultValue("64MB") DataSize upstreamMaxRequestBody,
    @DefaultValue List<UpstreamRule> upstreamRules) {

  public GatewaySettings {
    endpointGroups = Collections.unmodifiableMap(new LinkedHashMap<>(endpointGroups));
    upstreamRules = List.copyOf(upstreamRules);
  }

  /**
   * A path rule of the upstream proxy (API-3): calls matching {@code pattern} (a Spring path
   * pattern such as {@code /api/v*}{@code /shares/**}, matched without regard to case) with one of
   * {@code methods} (empty: every method; {@code GET} covers {@code HEAD}) need {@code scope}
   * instead of the method's scope.
   */
  public record UpstreamRule(String pattern, @DefaultValue List<String> methods, Scope scope) {

    public UpstreamRule {
      if (pattern == null || !pattern.startsWith("/api/")) {
        throw new IllegalArgumentException(
            "portico.gateway.upstream-rules[].pattern must start with /api/: " + pattern);
      }
      if (scope == null) {
        throw new IllegalArgumentException(
            "portico.gateway.upstream-rules[].scope is required for " + pattern);
      }
      methods = List.copyOf(methods);
    }
  }
}
