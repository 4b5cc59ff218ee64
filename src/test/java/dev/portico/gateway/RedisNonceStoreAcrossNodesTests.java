package dev.portico.gateway;

import static dev.portico.support.TestApiKeys.nonce;
import static dev.portico.support.TestApiKeys.signedHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.RedisServer;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestApiKeys;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.EpollProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.OS;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two Portico nodes sharing one database and one real Redis ({@code spring.data.redis.url} set, so
 * {@code redis} is their nonce store by default): a nonce is accepted once, by one node, and
 * refused as a replay by the same and the other node in any letter case; Redis stopped is 503,
 * never 200, and a new Redis on the same port is used again without a restart. Lettuce runs on
 * native epoll, without per-command observations or latency histograms (issue 12's CPU budget).
 * Skipped without {@code /usr/bin/redis-server} unless {@code PORTICO_REDIS=required}.
 */
@PorticoTest
class RedisNonceStoreAcrossNodesTests {

  static RedisServer redis;
  static SecondNode one;
  static SecondNode two;

  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startRedisAndTwoNodes(@Autowired Environment database) {
    redis = RedisServer.start();
    String[] args = {
      "--spring.data.redis.url=" + redis.url(), "--portico.gateway.nonce-timeout=1s"
    };
    one = SecondNode.startWith(database, args);
    two = SecondNode.startWith(database, args);
  }

  @AfterAll
  static void stopAll() {
    for (AutoCloseable c : new AutoCloseable[] {one, two, redis}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // best effort
      }
    }
  }

  @Test
  void lettuceRunsOnEpollWithoutPerCommandInstrumentation() {
    ClientResources resources = one.bean(ClientResources.class);
    assertThat(resources.tracing().isEnabled()).as("per-command observations").isFalse();
    assertThat(resources.commandLatencyRecorder().isEnabled()).as("latency collector").isFalse();
    if ("amd64".equals(System.getProperty("os.arch")) && OS.LINUX.isCurrentOs()) {
      assertThat(EpollProvider.isAvailable()).as("native epoll transport").isTrue();
    }
  }

  @Test
  void nonceAcceptedByOneNodeIsRefusedBySameAndOtherNodeInAnyLetterCase() throws Exception {
    IssuedApiKey key = keys.issue(accounts.company("Acme").admin());
    String nonce = "ABCDEFGHIJKLMNOP" + nonce();
    Map<String, String> headers = signed(key, nonce);
    HttpResponse<String> first = get(one, headers);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    HttpResponse<String> again = get(one, headers);
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(again.body()).contains("replayed_nonce");
    Map<String, String> lowerCased = new LinkedHashMap<>(headers);
    lowerCased.put("On-Nonce", nonce.toLowerCase(Locale.ROOT));
    HttpResponse<String> elsewhere = get(two, lowerCased);
    assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(401);
    assertThat(elsewhere.body()).contains("replayed_nonce");

    // decided by Redis: the key is there, with a lifetime of twice the skew (10 min)
    String redisKey =
        "portico:nonce:" + key.key().accessKey() + ":" + nonce.toLowerCase(Locale.ROOT);
    StringRedisTemplate template = one.bean(StringRedisTemplate.class);
    assertThat(template.hasKey(redisKey)).isTrue();
    assertThat(template.getExpire(redisKey, TimeUnit.SECONDS)).isBetween(500L, 600L);
  }

  @Test
  void sameNonceSentToBothNodesAtTheSameInstantIsAcceptedExactlyOnce() throws Exception {
    IssuedApiKey key = keys.issue(accounts.company("Acme").admin());
    ExecutorService senders = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        Map<String, String> headers = signed(key, nonce());
        CyclicBarrier start = new CyclicBarrier(2);
        Future<HttpResponse<String>> onOne = senders.submit(() -> getAt(start, one, headers));
        Future<HttpResponse<String>> onTwo = senders.submit(() -> getAt(start, two, headers));
        List<HttpResponse<String>> answers =
            List.of(onOne.get(30, TimeUnit.SECONDS), onTwo.get(30, TimeUnit.SECONDS));
        assertThat(answers)
            .as("round %d: %s", round, answers.stream().map(HttpResponse::body).toList())
            .extracting(HttpResponse::statusCode)
            .containsExactlyInAnyOrder(200, 401);
      }
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  void redisStoppedIsServiceUnavailableThenANewRedisOnThePortIsUsedAgain() throws Exception {
    IssuedApiKey key = keys.issue(accounts.operator()); // valid on every stack: cached, no lookup
    assertThat(get(one, signed(key, nonce())).statusCode()).isEqualTo(200);
    redis.stop();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> down = get(one, signed(key, nonce()));
      assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
      // the nonce store's reason; once the rate-limit buckets live in Redis too, their check
      // (which comes first) may answer instead: 503 either way, never 200 nor 500
      assertThat(down.body())
          .containsAnyOf("\"nonce_store_unavailable\"", "\"rate_limit_store_unavailable\"");
    }

    redis = RedisServer.startOn(redis.port());
    int status = 0;
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (status != 200 && System.nanoTime() < end) {
      HttpResponse<String> answer = get(one, signed(key, nonce()));
      status = answer.statusCode();
      assertThat(status).as(answer.body()).isIn(200, 503);
      Thread.sleep(200);
    }
    assertThat(status).isEqualTo(200);
  }

  private static Map<String, String> signed(IssuedApiKey key, String nonce) {
    return signedHeaders(
        key, "GET", "/api/users/sessioninfo", "", "application/json", nonce, Instant.now());
  }

  private HttpResponse<String> getAt(CyclicBarrier start, SecondNode node, Map<String, String> h)
      throws Exception {
    start.await(10, TimeUnit.SECONDS);
    return get(node, h);
  }

  private HttpResponse<String> get(SecondNode node, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + node.port() + "/api/users/sessioninfo"))
            .timeout(Duration.ofSeconds(10))
            .GET();
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
