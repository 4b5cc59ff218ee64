package dev.portico.gateway.internal;

import static dev.portico.support.TestApiKeys.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.Scope;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The upstream proxy's answers when there is no upstream, or it cannot be reached, is too slow, or
 * the body is too large (API-3): problem details, never a 500, never the upstream's address.
 */
@PorticoTest
class UpstreamFailureTests {

  static TestUpstream upstream;

  @Autowired MockMvc mvc;
  @Autowired UpstreamProxy proxy;
  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;

  @BeforeAll
  static void startUpstream() throws Exception {
    upstream = new TestUpstream();
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  @BeforeEach
  void pointAtUpstream() {
    upstream.reset();
    proxy.pointAt(upstream.upstream(Duration.ofSeconds(10), 8L * 1024 * 1024));
  }

  @AfterEach
  void noUpstream() {
    upstream.release.countDown();
    proxy.pointAt(null);
  }

  @Test
  void withoutUpstreamOtherApiPathsAreNotFound() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin(), Scope.OAuth2Read);
    proxy.pointAt(null);
    mvc.perform(get("/api/v1/documents").header("Authorization", basic(key)))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
        .andExpect(jsonPath("$.title").value("Not found"));
    assertThat(upstream.seen).isEmpty();
  }

  @Test
  void refusedConnectionIsBadGatewayWithoutTheUpstreamsAddress() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin(), Scope.OAuth2Read);
    int port = TestUpstream.closedPort();
    proxy.pointAt(
        new Upstream(
            URI.create("http://127.0.0.1:" + port),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            1));
    mvc.perform(get("/api/v1/documents").header("Authorization", basic(key)))
        .andExpect(status().isBadGateway())
        .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/upstream-unavailable"))
        .andExpect(jsonPath("$.title").value("Upstream unavailable"))
        .andExpect(
            result ->
                assertThat(result.getResponse().getContentAsString())
                    .doesNotContain("127.0.0.1")
                    .doesNotContain(Integer.toString(port))
                    .doesNotContain("Exception"));
  }

  @Test
  void upstreamSlowerThanTheReadTimeoutIsGatewayTimeout() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin(), Scope.OAuth2Read);
    proxy.pointAt(upstream.upstream(Duration.ofMillis(300), 1024));
    mvc.perform(get("/api/slow").header("Authorization", basic(key)))
        .andExpect(status().isGatewayTimeout())
        .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
        .andExpect(jsonPath("$.title").value("Upstream timeout"))
        .andExpect(
            jsonPath("$.detail")
                .value("The service behind this API path did not answer within 300 ms."));
  }

  @Test
  void bodyOverTheProxyLimitIsRefusedBeforeAnythingGoesUpstream() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin(), Scope.OAuth2Write);
    proxy.pointAt(upstream.upstream(Duration.ofSeconds(10), 1024 * 1024));
    mvc.perform(
            post("/api/v1/uploads")
                .header("Authorization", basic(key))
                .contentType("application/octet-stream")
                .content(new byte[1024 * 1024 + 1]))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.detail").value("The request body is larger than 1 MiB."));
    assertThat(upstream.seen).isEmpty();
  }
}
