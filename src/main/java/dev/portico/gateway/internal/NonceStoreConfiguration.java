package dev.portico.gateway.internal;

import dev.portico.gateway.GatewaySettings;
import dev.portico.gateway.NonceStoreSettings;
import dev.portico.gateway.NonceStoreSettings.Kind;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Chooses the nonce store once, at start ({@code portico.gateway.nonce-store}, DESIGN.md "Signed
 * requests: the nonce store"): the setting when given; otherwise {@code redis} when Redis is
 * configured ({@link RedisConfigured}), {@code database} on PostgreSQL, {@code memory} on anything
 * else (the embedded H2, a single node by nature). {@code redis} without Redis configured stops the
 * start with a message saying what to set.
 */
@Configuration(proxyBeanMethods = false)
class NonceStoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NonceStoreConfiguration.class);

  @Bean
  NonceStore nonceStore(
      NonceStoreSettings settings,
      GatewaySettings gateway,
      Environment environment,
      NonceTable table,
      NonceSnapshots snapshots,
      Clock clock,
      ObjectProvider<RedisConnectionFactory> redis) {
    boolean redisConfigured = RedisConfigured.in(environment);
    Kind kind = choose(settings.nonceStore(), redisConfigured, () -> table.isPostgres());
    Duration window = gateway.maxClockSkew().multipliedBy(2);
    return switch (kind) {
      case REDIS -> {
        RedisConnectionFactory factory = redis.getIfAvailable();
        if (factory == null) {
          throw new IllegalStateException(
              "portico.gateway.nonce-store=redis, but no Redis connection factory exists");
        }
        log.info(
            "Nonce store: redis (SET NX PX {} ms, keys {}*): strict across nodes",
            window.toMillis(),
            settings.nonceRedisPrefix());
        yield new RedisNonceStore(
            factory, settings.nonceRedisPrefix(), window, gateway.nonceTimeout());
      }
      case DATABASE -> {
        log.info("Nonce store: database (gw_nonce, group commit): strict across nodes");
        yield new DatabaseNonceStore(table, clock, gateway);
      }
      case MEMORY -> {
        log.info(
            "Nonce store: memory (at most {} nonces, written behind every {}): strict on this"
                + " node only",
            settings.nonceMemoryCapacity(),
            settings.nonceWriteBehindInterval());
        yield new MemoryNonceStore(
            snapshots,
            clock,
            window,
            settings.nonceMemoryCapacity(),
            settings.nonceWriteBehindInterval());
      }
    };
  }

  /** Whether the database is PostgreSQL, asked only when the choice depends on it. */
  @FunctionalInterface
  interface Postgres {
    boolean is();
  }

  static Kind choose(@Nullable Kind explicit, boolean redisConfigured, Postgres postgres) {
    if (explicit == Kind.REDIS && !redisConfigured) {
      throw new IllegalStateException(
          "portico.gateway.nonce-store=redis needs Redis: set spring.data.redis.url"
              + " (e.g. redis://localhost:6379), or choose memory or database");
    }
    if (explicit != null) {
      return explicit;
    }
    if (redisConfigured) {
      return Kind.REDIS;
    }
    return postgres.is() ? Kind.DATABASE : Kind.MEMORY;
  }
}
