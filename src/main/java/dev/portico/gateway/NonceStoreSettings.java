package dev.portico.gateway;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where signed requests' nonces are remembered (KEY-5, docs/gateway.md "Nonce store"), beside
 * {@link GatewaySettings} under the same prefix.
 *
 * @param nonceStore {@code memory}, {@code redis} or {@code database}; unset: {@code redis} when
 *     {@code spring.data.redis.*} is set, else {@code database} on PostgreSQL, else {@code memory}
 *     (the embedded H2, a single node). {@code redis} without Redis configured fails the start.
 * @param nonceMemoryCapacity {@code memory} only: the most identities held (about 130 bytes each);
 *     a new nonce beyond it is refused with 503 {@code nonce_store_unavailable} (fail closed, never
 *     an out-of-memory)
 * @param nonceWriteBehindInterval {@code memory} only: how often the nonces accepted since the last
 *     write are written to {@code gw_nonce_snapshot} (and at shutdown), to be reloaded at the next
 *     start
 * @param nonceRedisPrefix {@code redis} only: the prefix of each nonce's key ({@code
 *     <prefix><access key>:<nonce in lower case>})
 */
@ConfigurationProperties("portico.gateway")
public record NonceStoreSettings(
    @Nullable Kind nonceStore,
    @DefaultValue("1000000") int nonceMemoryCapacity,
    @DefaultValue("1s") Duration nonceWriteBehindInterval,
    @DefaultValue("portico:nonce:") String nonceRedisPrefix) {

  public NonceStoreSettings {
    if (nonceMemoryCapacity < 1) {
      throw new IllegalArgumentException(
          "portico.gateway.nonce-memory-capacity must be at least 1: " + nonceMemoryCapacity);
    }
    if (nonceWriteBehindInterval.isNegative() || nonceWriteBehindInterval.isZero()) {
      throw new IllegalArgumentException(
          "portico.gateway.nonce-write-behind-interval must be positive: "
              + nonceWriteBehindInterval);
    }
  }

  /** The value of {@code portico.gateway.nonce-store}. */
  public enum Kind {
    /** This node's memory, written behind to the database: strict on one node only. */
    MEMORY,
    /** Redis {@code SET NX PX}: strict across nodes. */
    REDIS,
    /** The {@code gw_nonce} table, group-committed: strict across nodes, slower. */
    DATABASE
  }
}
