package dev.portico.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.internal.NonceStore.Use;
import dev.portico.support.RedisServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The Redis nonce store against a real {@code redis-server} (skipped when absent unless {@code
 * PORTICO_REDIS=required}): {@code SET NX PX} with the lower-cased identity and a lifetime of twice
 * the skew; only {@code OK} is a first use; Redis stopped is {@link Use#UNAVAILABLE} within the
 * timeout, and a new server on the same port is used again without a restart.
 */
class RedisNonceStoreTests {

  static final Duration WINDOW = Duration.ofMinutes(10);
  static RedisServer redis;
  static LettuceConnectionFactory connections;
  static RedisNonceStore store;

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
    connections =
        new LettuceConnectionFactory(
            new RedisStandaloneConfiguration("127.0.0.1", redis.port()),
            LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
    connections.afterPropertiesSet();
    connections.start();
    store = new RedisNonceStore(connections, "test:nonce:", WINDOW, Duration.ofSeconds(1));
  }

  @AfterAll
  static void stopRedis() {
    if (connections != null) {
      connections.destroy();
    }
    if (redis != null) {
      redis.stop();
    }
  }

  @Test
  void onlyOkIsAFirstUseAndNoValueIsAReplay() {
    assertThat(RedisNonceStore.useOf("OK")).isEqualTo(Use.FIRST);
    assertThat(RedisNonceStore.useOf(null)).isEqualTo(Use.REPLAYED);
    assertThat(RedisNonceStore.useOf("QUEUED")).isEqualTo(Use.UNAVAILABLE);
    assertThat(RedisNonceStore.useOf("")).isEqualTo(Use.UNAVAILABLE);
  }

  @Test
  void nonceIsSetOnceInLowerCasePerAccessKeyForTwiceTheSkew() {
    String nonce = "ABCdef" + UUID.randomUUID().toString().replace("-", "");
    assertThat(store.firstUse("KeyOne", nonce)).isEqualTo(Use.FIRST);
    assertThat(store.firstUse("KeyOne", nonce)).isEqualTo(Use.REPLAYED);
    assertThat(store.firstUse("KeyOne", nonce.toUpperCase(java.util.Locale.ROOT)))
        .isEqualTo(Use.REPLAYED);
    assertThat(store.firstUse("KeyTwo", nonce)).isEqualTo(Use.FIRST);
    try (RedisConnection c = connections.getConnection()) {
      byte[] key =
          ("test:nonce:KeyOne:" + nonce.toLowerCase(java.util.Locale.ROOT))
              .getBytes(StandardCharsets.UTF_8);
      assertThat(c.keyCommands().exists(key)).isTrue();
      assertThat(c.keyCommands().pTtl(key))
          .isGreaterThan(WINDOW.toMillis() - 60_000)
          .isLessThanOrEqualTo(WINDOW.toMillis());
    }
  }

  @Test
  void redisStoppedIsUnavailableThenANewServerOnThePortIsUsedAgain() throws Exception {
    assertThat(store.firstUse("KeyOne", fresh())).isEqualTo(Use.FIRST);
    redis.stop();
    assertThat(store.firstUse("KeyOne", fresh())).isEqualTo(Use.UNAVAILABLE);
    assertThat(store.firstUse("KeyOne", fresh())).isEqualTo(Use.UNAVAILABLE);

    redis = RedisServer.startOn(redis.port());
    Use use = Use.UNAVAILABLE;
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (use == Use.UNAVAILABLE && System.nanoTime() < end) {
      use = store.firstUse("KeyOne", fresh());
      Thread.sleep(100);
    }
    assertThat(use).isEqualTo(Use.FIRST);
  }

  private static String fresh() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
