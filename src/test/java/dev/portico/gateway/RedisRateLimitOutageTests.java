package dev.portico.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.RedisServer;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestApiKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Fail closed with the buckets in Redis (issue 12 item 2): node B keeps its buckets in a real Redis
 * that the test stops; calls are then refused with 503 {@code rate_limit_store_unavailable}, never
 * 500 and never served past what the node's copy of the bucket allowed (the documented {@code M}
 * calls: {@value #SLACK} here), and are served again once a Redis listens on the same port.
 */
@PorticoTest
class RedisRateLimitOutageTests {

  static final int LIMIT = 40;
  static final int SLACK = 4; // floor(40 × 0.1): what node B may take from its copy unsynced

  static RedisServer redis;
  static SecondNode nodeB;

  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startNode(@Autowired Environment nodeA) {
    redis = RedisServer.start();
    nodeB =
        SecondNode.startWith(
            nodeA,
            "--spring.data.redis.url=" + redis.url(),
            "--portico.gateway.rate-limits.platform.capacity=" + LIMIT,
            "--portico.gateway.rate-limits.platform.period=1h",
            "--portico.gateway.rate-limit-sync-share=0.1");
  }

  @AfterAll
  static void stopNode() {
    if (nodeB != null) {
      nodeB.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void redisDownIsServiceUnavailableNeverAPassThenServesAgainWhenRedisIsBack() throws Exception {
    IssuedApiKey key = keys.issue(accounts.company("Redis outage").admin());
    HttpResponse<String> before = sessionInfo(key);
    assertThat(before.statusCode()).as(before.body()).isEqualTo(200);

    int port = redis.port();
    redis.stop();
    int servedDuringOutage = 0;
    HttpResponse<String> refused = null;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (refused == null && Instant.now().isBefore(deadline)) {
      HttpResponse<String> answer = sessionInfo(key);
      if (answer.statusCode() == 503) {
        refused = answer;
      } else {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        servedDuringOutage++;
      }
    }
    assertThat(refused).as("a 503 while Redis is down").isNotNull();
    assertThat(servedDuringOutage).as("served from the node's copy").isLessThanOrEqualTo(SLACK);
    assertThat(refused.body()).contains("\"reason\":\"rate_limit_store_unavailable\"");
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    assertThat(refused.headers().firstValue("X-Rate-Limit-Remaining")).contains("0");
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> again = sessionInfo(key);
      assertThat(again.statusCode()).as("still down: " + again.body()).isEqualTo(503);
    }

    redis = RedisServer.startOn(port);
    HttpResponse<String> after = sessionInfo(key);
    deadline = Instant.now().plus(Duration.ofSeconds(60)); // Lettuce reconnects with a backoff
    while (after.statusCode() == 503 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      after = sessionInfo(key);
    }
    assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
  }

  private HttpResponse<String> sessionInfo(IssuedApiKey key) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + nodeB.port() + "/api/users/sessioninfo"))
            .header("Authorization", TestApiKeys.basic(key))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
