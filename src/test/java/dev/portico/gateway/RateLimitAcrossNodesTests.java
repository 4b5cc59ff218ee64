package dev.portico.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestApiKeys;
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

/**
 * USE-4: a group's limit holds across the nodes together, not per node. Nodes B and C share the
 * test's PostgreSQL database and are started with a small limit on the platform group ({@value
 * #LIMIT} calls per hour, so the refill during a test is a fraction of a call) and a sync share of
 * 10 %: each may take {@value #SLACK_PER_NODE} calls from its own copy of a bucket between two
 * writes, which is the documented slack (docs/gateway.md "Rate limits"). Node A (the test's own)
 * only creates the keys.
 */
@PorticoTest
class RateLimitAcrossNodesTests {

  static final int LIMIT = 40;
  static final int SLACK_PER_NODE = 4; // floor(40 × 0.1)
  static final int REFILL_SLACK = 1; // 40 per hour: under one call in the minute a test may take
  static final String[] SMALL_LIMIT = {
    "--portico.gateway.rate-limits.platform.capacity=" + LIMIT,
    "--portico.gateway.rate-limits.platform.period=1h",
    "--portico.gateway.rate-limit-sync-share=0.1"
  };

  static SecondNode nodeB;
  static SecondNode nodeC;

  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired Environment nodeA;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startNodes(@Autowired Environment nodeA) {
    nodeB = SecondNode.startWith(nodeA, SMALL_LIMIT);
    nodeC = SecondNode.startWith(nodeA, SMALL_LIMIT);
  }

  @AfterAll
  static void stopNodes() {
    for (SecondNode node : new SecondNode[] {nodeB, nodeC}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void groupLimitHoldsAcrossTwoNodesTogetherNotTwiceTheLimit() throws Exception {
    IssuedApiKey key = keys.issue(accounts.company("Cluster").admin());
    int callsPerClient = LIMIT; // 4 clients: four times the limit is offered in all
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<int[]>> results = new ArrayList<>();
    try {
      for (SecondNode node : List.of(nodeB, nodeC, nodeB, nodeC)) {
        int port = node.port();
        results.add(
            clients.submit(
                () -> {
                  int[] statuses = new int[2]; // [0] served, [1] refused with 429
                  for (int i = 0; i < callsPerClient; i++) {
                    HttpResponse<String> answer = sessionInfo(port, key);
                    if (answer.statusCode() == 200) {
                      statuses[0]++;
                    } else {
                      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
                      assertThat(answer.headers().firstValue("Retry-After")).isPresent();
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
          .isLessThanOrEqualTo(LIMIT + 2 * SLACK_PER_NODE + REFILL_SLACK)
          .isLessThan(2 * LIMIT);
      assertThat(refusedOnB).as("429 on node B").isPositive();
      assertThat(refusedOnC).as("429 on node C").isPositive();
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void bucketStateSurvivesARestartOfTheNodeInPostgresql() throws Exception {
    IssuedApiKey key = keys.issue(accounts.company("Restart").admin());
    int before = LIMIT - 2;
    for (int i = 0; i < before; i++) {
      HttpResponse<String> answer = sessionInfo(nodeB.port(), key);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    // a graceful stop writes the calls node B took from its copy and had not written yet
    nodeB.close();
    nodeB = SecondNode.startWith(nodeA, SMALL_LIMIT);

    int served = 0;
    HttpResponse<String> answer = sessionInfo(nodeB.port(), key);
    while (answer.statusCode() == 200 && served <= LIMIT) {
      served++;
      answer = sessionInfo(nodeB.port(), key);
    }
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
    assertThat(served)
        .as("after the restart, only what the bucket had left (plus its refill): " + served)
        .isBetween(LIMIT - before, LIMIT - before + REFILL_SLACK);
  }

  private HttpResponse<String> sessionInfo(int port, IssuedApiKey key) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users/sessioninfo"))
            .header("Authorization", TestApiKeys.basic(key))
            .header("Accept", "application/json")
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
