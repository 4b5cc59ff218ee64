package dev.portico.gateway.internal;

import dev.portico.gateway.RateLimitSettings;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Token buckets shared by every node through Redis: Bucket4j's Lettuce proxy manager
 * (compare-and-swap in a Lua script), one Redis string per bucket under {@value #PREFIX}{@code
 * <bucket key>} holding its serialized state, with a time to live ({@code PX}) of a minute beyond
 * the moment the bucket would be full again ({@link SharedRateLimiter#EXPIRY}): Redis forgets idle
 * buckets by itself, nothing to purge. The delaying optimization, the bound, fail closed and
 * shutdown are {@link SharedRateLimiter}'s.
 *
 * <p>One connection of its own, opened at start-up from Boot's Lettuce client (so {@code
 * spring.data.redis.*}, password, TLS, sentinel or cluster included): a node that cannot reach
 * Redis when it starts does not start. Afterwards Lettuce reconnects by itself; while the
 * connection is down every call is refused at once with 503 (no wait for {@code
 * rate-limit-timeout}), and a command that gets no answer within {@code rate-limit-timeout} is 503
 * too.
 */
final class RedisRateLimiter extends SharedRateLimiter {

  /** The prefix of the buckets' keys in Redis. */
  static final String PREFIX = "portico:rate-limit:";

  private static final RedisCodec<String, byte[]> CODEC =
      RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

  private final StatefulConnection<String, byte[]> connection;

  private RedisRateLimiter(
      ProxyManager<String> manager,
      StatefulConnection<String, byte[]> connection,
      RateLimitSettings settings) {
    super(manager, settings);
    this.connection = connection;
  }

  /** Opens a connection with this client (Boot's) and builds the buckets on it. */
  static RedisRateLimiter connect(AbstractRedisClient client, RateLimitSettings settings) {
    Bucket4jLettuce.LettuceBasedProxyManagerBuilder<String> builder;
    StatefulConnection<String, byte[]> connection;
    if (client instanceof RedisClusterClient cluster) {
      StatefulRedisClusterConnection<String, byte[]> nodes = cluster.connect(CODEC);
      builder = Bucket4jLettuce.casBasedBuilder(nodes);
      connection = nodes;
    } else {
      StatefulRedisConnection<String, byte[]> one = ((RedisClient) client).connect(CODEC);
      builder = Bucket4jLettuce.casBasedBuilder(one);
      connection = one;
    }
    ProxyManager<String> manager =
        builder
            .expirationAfterWrite(EXPIRY)
            .requestTimeout(settings.rateLimitTimeout())
            .build()
            .withMapper(RedisRateLimiter::stored);
    return new RedisRateLimiter(manager, connection, settings);
  }

  /** The Redis key of a bucket. */
  static String stored(String key) {
    return PREFIX + key;
  }

  @Override
  boolean reachable() {
    return connection.isOpen();
  }

  @Override
  void closeStore() {
    try {
      connection.close();
    } catch (RuntimeException ignored) {
      // shutting down: nothing left to do with it
    }
  }
}
