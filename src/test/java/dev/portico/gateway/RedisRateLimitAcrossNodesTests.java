package dev.portico.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.RedisServer;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestApiKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * USE-4 with Redis configured (issue 12 item 2): nodes B and C share a real Redis (and the test's
 * database) and keep the buckets in Redis, not in PostgreSQL. As in {@link
 * RateLimitAcrossNodesTests}: {@value #LIMIT} calls per hour on the platform group and a sync share
 * of 10 %, so each node may take {@value #SLACK_PER_NODE} calls from its own copy between two
 * writes (the documented bound). Node A (the test's own, without Redis) only creates the keys.
 */
@PorticoTest
class RedisRateLimitAcrossNodesTests {

  static final int LIMIT = 40;
  static final int SLACK_PER_NODE = 4; // floor(40 × 0.1)
  static final int REFILL_SLACK = 1; // 40 per hour: under one call in the minute a test may take

  static RedisServer redis;
  static String[] arguments;
  static SecondNode nodeB;
  static SecondNode nodeC;

  @Autowired Environment nodeA;
  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startNodes(@Autowired Environment nodeA) {
    redis = RedisServer.start();
    arguments =
        new String[] {
          "--spring.data.redis.url=" + redis.url(),
          "--portico.gateway.rate-limits.platform.capacity=" + LIMIT,
          "--portico.gateway.rate-limits.platform.period=1h",
          "--portico.gateway.rate-limit-sync-share=0.1"
        };
    nodeB = SecondNode.startWith(nodeA, arguments);
    nodeC = SecondNode.startWith(nodeA, arguments);
  }

  @AfterAll
  static void stopNodes() {
    for (AutoCloseable closeable : new AutoCloseable[] {nodeB, nodeC, redis}) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception ignored) {
          // the next one still has to stop
        }
      }
    }
  }

  @Test
  void groupLimitHoldsAcrossTwoNodesSharingRedisNotTwiceTheLimit() throws Exception {
    IssuedApiKey key = keys.issue(accounts.company("Redis cluster").admin());
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<int[]>> results = new ArrayList<>();
    try {
      for (SecondNode node : List.of(nodeB, nodeC, nodeB, nodeC)) {
        int port = node.port();
        results.add(
            clients.submit(
                () -> {
                  int[] statuses = new int[2]; // [0] served, [1] refused with 429
                  for (int i = 0; i < LIMIT; i++) { // 4 clients: four times the limit offered
                    HttpResponse<String> answer = call(port, key, "/api/users/sessioninfo");
                    if (answer.statusCode() == 200) {
                      statuses[0]++;
                    } else {
                      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
                      assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                      assertThat(answer.headers().firstValue("X-Rate-Limit-Remaining"))
                          .contains("0");
                      statuses[1]++;
                    }
                  }
                  return statuses;
                }));
      }
      int served = 0;
      int refusedOnB = 0;
      int refusedOnC = 0;
      for (int i = 0; i < results.size(); i++) {
        int[] statuses = results.get(i).get(120, TimeUnit.SECONDS);
        served += statuses[0];
        if (i % 2 == 0) {
          refusedOnB += statuses[1];
        } else {
          refusedOnC += statuses[1];
        }
      }
      assertThat(served)
          .as("served across both nodes: " + served)
          .isGreaterThanOrEqualTo(LIMIT)
          .isLessThanOrEqualTo(LIMIT + 2 * SLACK_PER_NODE + REFILL_SLACK);
      assertThat(refusedOnB).as("429 on node B").isPositive();
      assertThat(refusedOnC).as("429 on node C").isPositive();
      assertThat(
              jdbc.sql("select count(*) from gw_rate_limit_bucket where id like :key")
                  .param("key", "key:" + key.key().id() + "|%")
                  .query(Long.class)
                  .single())
          .as("no bucket of this key in PostgreSQL: Redis holds them")
          .isZero();
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void bucketsAreKeyedByCredentialAndGroupSoAnExhaustedGroupBlocksNoOther() throws Exception {
    IssuedApiKey busy = keys.issue(accounts.company("Redis groups").admin());
    IssuedApiKey other = keys.issue(accounts.company("Redis groups other").admin());
    int served = 0;
    HttpResponse<String> answer = call(nodeB.port(), busy, "/api/users/sessioninfo");
    while (answer.statusCode() == 200 && served <= 2 * LIMIT) {
      served++;
      answer = call(nodeB.port(), busy, "/api/users/sessioninfo");
    }
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
    assertThat(served).as("one node alone never exceeds the limit").isBetween(LIMIT, LIMIT + 1);

    // the same key in the developer group (default limit of the test configuration, 100/min)
    HttpResponse<String> developer = call(nodeC.port(), busy, "/api/developer/no-such-endpoint");
    assertThat(developer.statusCode()).as(developer.body()).isNotIn(429, 503);
    assertThat(developer.headers().firstValue("X-Rate-Limit-Remaining")).contains("99");
    // another key in the exhausted group
    HttpResponse<String> otherKey = call(nodeC.port(), other, "/api/users/sessioninfo");
    assertThat(otherKey.statusCode()).as(otherKey.body()).isEqualTo(200);
    assertThat(otherKey.headers().firstValue("X-Rate-Limit-Remaining"))
        .contains(String.valueOf(LIMIT - 1));
  }

  @Test
  void aBucketInRedisExpiresOnItsOwnAMinuteAfterItWouldBeFullAgain() throws Exception {
    IssuedApiKey key = keys.issue(accounts.company("Redis expiry").admin());
    HttpResponse<String> answer = call(nodeB.port(), key, "/api/users/sessioninfo");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

    RedisClient client = RedisClient.create(redis.url());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      List<String> stored =
          connection.sync().keys("portico:rate-limit:key:" + key.key().id() + "|platform|*");
      assertThat(stored).hasSize(1);
      long millis = connection.sync().pttl(stored.get(0));
      // -1 would be "kept for ever"; a full bucket is kept a minute, one short of a call of 40
      // per hour 90 s more
      assertThat(millis).as("time to live of " + stored.get(0)).isBetween(1L, 150_000L);
    } finally {
      client.shutdown();
    }
  }

  @Test
  void aGracefulStopWritesWhatTheNodeHeldBackBeforeItsRedisConnectionCloses() throws Exception {
    IssuedApiKey key = keys.issue(accounts.company("Redis restart").admin());
    int before = LIMIT - 2; // 38: the node holds back up to 3 calls it has not written yet
    for (int i = 0; i < before; i++) {
      HttpResponse<String> answer = call(nodeB.port(), key, "/api/users/sessioninfo");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    nodeB.close();
    nodeB = SecondNode.startWith(nodeA, arguments);

    int served = 0;
    HttpResponse<String> answer = call(nodeB.port(), key, "/api/users/sessioninfo");
    while (answer.statusCode() == 200 && served <= LIMIT) {
      served++;
      answer = call(nodeB.port(), key, "/api/users/sessioninfo");
    }
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
    assertThat(served)
        .as("after the restart, only what the bucket had left (plus its refill): " + served)
        .isBetween(LIMIT - before, LIMIT - before + REFILL_SLACK);
  }

  private HttpResponse<String> call(int port, IssuedApiKey key, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", TestApiKeys.basic(key))
            .header("Accept", "application/json")
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
