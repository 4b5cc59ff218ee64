package dev.portico.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.portico.accounts.Scope;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * API-4, USE-4 on one node (PostgreSQL, so through the shared buckets): every {@code /api} answer
 * carries {@code X-Rate-Limit-Remaining}; a credential over its limit in an endpoint group ({@code
 * portico.gateway.rate-limit-per-minute}, low in the test configuration so it can be reached
 * quickly without a context of its own) gets 429 with {@code Retry-After}, while its other groups
 * and other credentials are not affected; a bucket store that cannot answer is 503, never 500 nor a
 * pass. {@link RateLimitAcrossNodesTests} covers two nodes.
 */
@PorticoTest
class RateLimitTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired GatewaySettings settings;
  @Autowired DataSource dataSource;

  @Test
  void keyOverItsLimitGets429WithRetryAfterAndAnotherKeyIsStillServed() throws Exception {
    int limit = settings.rateLimitPerMinute();
    assertThat(limit).as("the test configuration's limit").isLessThanOrEqualTo(1_000);
    Company acme = accounts.company("Acme");
    IssuedApiKey busy = keys.issue(acme.admin());

    MockHttpServletResponse first = call(busy, get("/api/users/sessioninfo"));
    assertThat(first.getStatus()).isEqualTo(200);
    assertThat(first.getHeader("X-Rate-Limit-Remaining")).isEqualTo(String.valueOf(limit - 1));

    MockHttpServletResponse refused = exhaust(busy, "/api/users/sessioninfo", 200, limit);
    assertThat(refused.getHeader("X-Rate-Limit-Remaining")).isEqualTo("0");
    assertThat(refused.getHeader("Retry-After")).isNotNull();
    assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
    assertThat(refused.getContentType()).startsWith("application/json");
    assertThat(refused.getContentAsString()).contains("\"status\":429");

    MockHttpServletResponse other = call(keys.issue(acme.admin()), get("/api/users/sessioninfo"));
    assertThat(other.getStatus()).isEqualTo(200);
    assertThat(other.getHeader("Retry-After")).isNull();
  }

  @Test
  void concurrentFirstCallsOfANewKeyAreAllServedNotRefusedWith503() throws Exception {
    // Bucket4j batches concurrent calls of one bucket; a batch that found no row yet failed with
    // BucketNotFoundException (503 rate_limit_store_unavailable) before the bucket was created.
    IssuedApiKey fresh = keys.issue(accounts.company("First calls").admin());
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        answers.add(pool.submit(() -> call(fresh, get("/api/users/sessioninfo")).getStatus()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void exhaustingTheDeveloperGroupLeavesThePlatformGroupOfTheSameKeyAvailable() throws Exception {
    int limit = settings.rateLimitPerMinute();
    IssuedApiKey key = keys.issue(accounts.company("Groups").admin());
    // a path of the developer group (EndpointGroups): whatever it answers, the call counts
    exhaust(key, "/api/developer/no-such-endpoint", -1, limit);

    MockHttpServletResponse platform = call(key, get("/api/users/sessioninfo"));
    assertThat(platform.getStatus()).isEqualTo(200);
    assertThat(platform.getHeader("X-Rate-Limit-Remaining")).isEqualTo(String.valueOf(limit - 1));
  }

  @Test
  void everyAnswerCarriesTheRemainingCallsIncludingRefusals() throws Exception {
    Company acme = accounts.company("Headers");
    IssuedApiKey reader = keys.issue(acme.admin(), Scope.OAuth2Read);

    MockHttpServletResponse notFound = call(reader, get("/api/users/sessioninfo/no-such-thing"));
    assertThat(notFound.getStatus()).isEqualTo(404);
    assertThat(notFound.getHeader("X-Rate-Limit-Remaining")).matches("\\d+");

    MockHttpServletResponse forbidden = call(reader, post("/api/users/sessioninfo"));
    assertThat(forbidden.getStatus()).isEqualTo(403);
    assertThat(forbidden.getHeader("X-Rate-Limit-Remaining")).matches("\\d+");

    MockHttpServletResponse unauthenticated =
        mvc.perform(
                get("/api/users/sessioninfo")
                    .header("Authorization", "Basic bm9ib2R5Om5vdGhpbmc=")
                    .accept("application/json"))
            .andReturn()
            .getResponse();
    assertThat(unauthenticated.getStatus()).isEqualTo(401);
    assertThat(unauthenticated.getHeader("X-Rate-Limit-Remaining")).matches("\\d+");
  }

  @Test
  void bucketStoreThatCannotAnswerIsServiceUnavailableThenServesAgain() throws Exception {
    IssuedApiKey key = keys.issue(accounts.company("Locked").admin());
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      // every read and write of a bucket now waits, until rate-limit-timeout (2 s) gives up
      s.execute("lock table gw_rate_limit_bucket in access exclusive mode");
      MockHttpServletResponse locked = call(key, get("/api/users/sessioninfo"));
      c.rollback();
      assertThat(locked.getStatus()).as(locked.getContentAsString()).isEqualTo(503);
      assertThat(locked.getContentAsString())
          .contains("\"reason\":\"rate_limit_store_unavailable\"");
      assertThat(locked.getHeader("X-Rate-Limit-Remaining")).isEqualTo("0");
      assertThat(locked.getHeader("Retry-After")).isEqualTo("1");
    }
    MockHttpServletResponse after = call(key, get("/api/users/sessioninfo"));
    assertThat(after.getStatus()).as(after.getContentAsString()).isEqualTo(200);
  }

  /**
   * Calls until refused (at most three times the limit: the bucket refills meanwhile), each answer
   * before the refusal having the expected status ({@code -1}: any); returns the 429.
   */
  private MockHttpServletResponse exhaust(IssuedApiKey key, String path, int status, int limit)
      throws Exception {
    int served = 0;
    for (int call = 0; call < 3 * limit; call++) {
      MockHttpServletResponse answer = call(key, get(path));
      if (answer.getStatus() == 429) {
        assertThat(served).as("calls served before the 429").isGreaterThanOrEqualTo(limit - 1);
        return answer;
      }
      if (status != -1) {
        assertThat(answer.getStatus()).isEqualTo(status);
      }
      served++;
    }
    throw new AssertionError("no 429 within " + 3 * limit + " calls to " + path);
  }

  private MockHttpServletResponse call(IssuedApiKey key, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request.header("Authorization", TestApiKeys.basic(key)).accept("application/json"))
        .andReturn()
        .getResponse();
  }
}
