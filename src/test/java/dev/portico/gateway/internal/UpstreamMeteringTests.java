package dev.portico.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.ApiCaller;
import dev.portico.usage.UsageMeter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;

/**
 * A proxied call is metered with the upstream's status, in group {@code proxy} (USE-2, USE-7): the
 * gateway's filter reads the status after the proxy answered, so a 201 upstream counts as 201 and a
 * 502 of an unreachable upstream as 502 (which the meter does not count).
 */
class UpstreamMeteringTests {

  static TestUpstream upstream;

  record Counted(String group, int status) {}

  final List<Counted> counted = Collections.synchronizedList(new ArrayList<>());
  final UpstreamProxy proxy = new UpstreamProxy(ApiAuthenticationFilterTests.SETTINGS);
  final AuthenticationManager manager =
      presented ->
          ApiCredentialsAuthenticationToken.authenticated(
              new ApiCaller(
                  UUID.randomUUID(),
                  "ann@example.test",
                  "Ann",
                  false,
                  null,
                  UUID.randomUUID(),
                  null,
                  null,
                  2,
                  false,
                  ApiCaller.Credential.BASIC_KEY,
                  UUID.randomUUID(),
                  null,
                  null));
  final ApiAuthenticationFilter filter =
      new ApiAuthenticationFilter(
          manager,
          new RateLimits(
              ApiAuthenticationFilterTests.SETTINGS,
              ApiAuthenticationFilterTests.LIMITS,
              new LocalRateLimiter(1000, Duration.ofMinutes(1))),
          new DatabaseNonceStore(
              (keys, at) -> new int[keys.size()],
              Clock.systemUTC(),
              ApiAuthenticationFilterTests.SETTINGS),
          new EndpointGroups(ApiAuthenticationFilterTests.SETTINGS),
          new UsageMeter() {
            @Override
            public boolean exhausted(ApiCaller caller) {
              return false;
            }

            @Override
            public void count(ApiCaller caller, String endpointGroup, int status) {
              counted.add(new Counted(endpointGroup, status));
            }
          });

  @BeforeAll
  static void startUpstream() throws IOException {
    upstream = new TestUpstream();
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  @Test
  void proxiedCallIsMeteredWithTheUpstreamsStatus() throws Exception {
    proxy.pointAt(upstream.upstream(Duration.ofSeconds(5), 1024));
    assertThat(call("/api/v1/documents?status=201").getStatus()).isEqualTo(201);
    assertThat(counted).containsExactly(new Counted("proxy", 201));
  }

  @Test
  void unreachableUpstreamIsMeteredAsItsBadGateway() throws Exception {
    proxy.pointAt(
        new Upstream(
            URI.create("http://127.0.0.1:" + TestUpstream.closedPort()),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            1024));
    assertThat(call("/api/v1/documents").getStatus()).isEqualTo(502);
    assertThat(counted).containsExactly(new Counted("proxy", 502));
  }

  private MockHttpServletResponse call(String uri) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri.replaceAll("\\?.*", ""));
    request.setQueryString(uri.contains("?") ? uri.substring(uri.indexOf('?') + 1) : null);
    request.addHeader(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString("AccessKeyOfAnn:secret".getBytes(StandardCharsets.UTF_8)));
    MockHttpServletResponse response = new MockHttpServletResponse();
    HttpServlet servlet =
        new HttpServlet() {
          private static final long serialVersionUID = 1L;

          @Override
          protected void service(HttpServletRequest req, HttpServletResponse res)
              throws IOException {
            proxy.handleRequest(req, res);
          }
        };
    filter.doFilter(request, response, new MockFilterChain(servlet));
    return response;
  }
}
