package dev.portico.gateway.internal;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The {@code redis} nonce store: {@code SET <prefix><access key>:<nonce in lower case> 1 NX PX <2 ×
 * skew>} on the Redis of {@code spring.data.redis.*} — strict across any number of nodes, since
 * Redis answers {@code OK} to exactly one of them.
 *
 * <p>Through Spring Data Redis's Lettuce connection factory (Boot's, with its URL, TLS and
 * credentials): the command goes out on the factory's shared native connection with Lettuce's
 * asynchronous API, so the commands of all request threads are pipelined on one connection (none
 * waits for another's answer). The request thread waits at most {@code nonce-timeout}.
 *
 * <p><b>Fail closed.</b> {@code OK} is {@link Use#FIRST}, no value (the key exists) is {@link
 * Use#REPLAYED}; anything else — another answer, an error, a connection failure, no answer in time
 * (the command is then cancelled, so it is not sent later) — is {@link Use#UNAVAILABLE}: 503 {@code
 * nonce_store_unavailable}. Lettuce reconnects by itself once Redis is back.
 *
 * <p><b>What a Redis crash loses.</b> Whatever Redis itself loses: without persistence (or with
 * {@code appendfsync everysec}) a Redis restart forgets recent nonces. Run it with AOF ({@code
 * appendonly yes}) where that matters (docs/gateway.md "Nonce store").
 */
final class RedisNonceStore implements NonceStore {

  private static final Logger log = LoggerFactory.getLogger(RedisNonceStore.class);
  private static final byte[] ONE = {'1'};

  private final RedisConnectionFactory connections;
  private final String prefix;
  private final SetArgs firstOnly;
  private final Duration timeout;
  private final OutageLog outages = new OutageLog(log);
  private volatile @Nullable RedisClusterAsyncCommands<byte[], byte[]> commands;

  RedisNonceStore(
      RedisConnectionFactory connections, String prefix, Duration window, Duration timeout) {
    this.connections = connections;
    this.prefix = prefix;
    this.firstOnly = SetArgs.Builder.nx().px(window.toMillis());
    this.timeout = timeout;
  }

  @Override
  public Use firstUse(String accessKey, String nonce) {
    byte[] key = (prefix + Key.of(accessKey, nonce).identity()).getBytes(StandardCharsets.UTF_8);
    RedisFuture<String> answer;
    try {
      answer = commands().set(key, ONE, firstOnly);
    } catch (RuntimeException e) {
      outages.warn("Nonce store (redis) unreachable: refusing ({})", e.toString());
      return Use.UNAVAILABLE;
    }
    try {
      return useOf(answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException e) {
      outages.warn("Nonce store (redis) gave no answer within {}: refusing", timeout);
    } catch (ExecutionException | RuntimeException e) {
      outages.warn("Nonce store (redis) failed: refusing ({})", String.valueOf(e.getCause()));
    }
    answer.cancel(true);
    return Use.UNAVAILABLE;
  }

  /**
   * The asynchronous commands of the factory's shared native connection, asked for once it is up (a
   * connection that cannot be made is asked for again by the next request); Lettuce reconnects it
   * by itself after an outage. Never closed here: the factory closes it.
   */
  @SuppressWarnings("unchecked")
  private RedisClusterAsyncCommands<byte[], byte[]> commands() {
    RedisClusterAsyncCommands<byte[], byte[]> known = commands;
    if (known == null) {
      RedisConnection connection = connections.getConnection();
      if (!(connection.getNativeConnection() instanceof RedisClusterAsyncCommands<?, ?> async)) {
        connection.close();
        throw new IllegalStateException("not a Lettuce connection");
      }
      known = (RedisClusterAsyncCommands<byte[], byte[]>) async;
      commands = known;
    }
    return known;
  }

  /** How Redis's answer to {@code SET … NX} reads: only {@code OK} is a first use. */
  static Use useOf(@Nullable String answer) {
    if (answer == null) {
      return Use.REPLAYED;
    }
    return "OK".equals(answer) ? Use.FIRST : Use.UNAVAILABLE;
  }
}
