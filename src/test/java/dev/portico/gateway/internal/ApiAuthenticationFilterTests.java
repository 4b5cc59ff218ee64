package dev.portico.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.ApiCaller;
import dev.portico.gateway.GatewaySettings;
import dev.portico.gateway.RateLimitSettings;
import dev.portico.usage.UsageMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;

/**
 * The order of the checks in {@link ApiAuthenticationFilter}: credentials, then the rate limit,
 * then the nonce write, then the handler. Real filter, in-memory token buckets and nonce group
 * commit; the key check, the shared bucket store (up or down) and the nonce table are stand-ins
 * (the HTTP tests cover them on PostgreSQL).
 */
class ApiAuthenticationFilterTests {

  static final int LIMIT = 2;

  static final GatewaySettings SETTINGS =
      new GatewaySettings(
          Duration.ofMinutes(5),
          1000,
          1,
          Duration.ofSeconds(2),
          LIMIT,
          600,
          Map.of(),
          null,
          Duration.ofSeconds(5),
          Duration.ofSeconds(30),
          org.springframework.util.unit.DataSize.ofMegabytes(64),
          java.util.List.of());

  final List<NonceStore.Key> written = Collections.synchronizedList(new ArrayList<>());
  volatile boolean storeDown;
  final DatabaseNonceStore nonces =
      new DatabaseNonceStore(
          (keys, at) -> {
            if (storeDown) {
              throw new IllegalStateException("database stopped");
            }
            written.addAll(keys);
            return keys.stream().mapToInt(k -> 1).toArray();
          },
          Clock.systemUTC(),
          SETTINGS);

  final AtomicInteger handled = new AtomicInteger();
  final UUID keyId = UUID.randomUUID();
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
                  ApiCaller.Credential.SIGNED_KEY,
                  keyId,
                  null,
                  null));
  static final RateLimitSettings LIMITS =
      new RateLimitSettings(Map.of(), 0.01, Duration.ofSeconds(1), Duration.ofSeconds(2));

  volatile boolean bucketStoreDown;
  volatile boolean allocationUsed;
  final LocalRateLimiter buckets = new LocalRateLimiter(1000, Duration.ofMinutes(1));
  final ApiAuthenticationFilter filter =
      new ApiAuthenticationFilter(
          manager,
          new RateLimits(
              SETTINGS,
              LIMITS,
              (key, limit) ->
                  bucketStoreDown ? RateLimiter.Decision.UNAVAILABLE : buckets.take(key, limit)),
          nonces,
          new EndpointGroups(SETTINGS),
          new UsageMeter() {
            @Override
            public boolean exhausted(ApiCaller caller) {
              return allocationUsed;
            }

            @Override
            public void count(ApiCaller caller, String endpointGroup, int status) {}
          });

  @AfterEach
  void stop() {
    nonces.stop();
  }

  @Test
  void callOverTheRateLimitIsRefusedBeforeItsNonceIsWritten() throws Exception {
    nonces.start();
    for (int i = 0; i < LIMIT; i++) {
      assertThat(send("AllowedNonce000000" + i).getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse over = send("OverTheLimitNonce00");
    assertThat(over.getStatus()).isEqualTo(429);
    assertThat(over.getHeader("Retry-After")).isNotBlank();
    assertThat(over.getHeader("X-Rate-Limit-Remaining")).isEqualTo("0");
    assertThat(written)
        .extracting(NonceStore.Key::nonce)
        .containsExactly("allowednonce0000000", "allowednonce0000001");
    assertThat(handled).hasValue(LIMIT);
  }

  @Test
  void nonceStoreDownIsServiceUnavailableWithReasonAndNeverReachesTheHandler() throws Exception {
    nonces.start();
    storeDown = true;
    MockHttpServletResponse down = send("StoreDownNonce00000");
    assertThat(down.getStatus()).isEqualTo(503);
    assertThat(down.getContentType()).startsWith("application/json");
    assertThat(down.getContentAsString())
        .isEqualTo(
            "{\"message\":\"Service unavailable, try again\",\"status\":503,"
                + "\"reason\":\"nonce_store_unavailable\"}");
    assertThat(handled).hasValue(0);
    storeDown = false;
    assertThat(send("StoreDownNonce00000").getStatus()).isEqualTo(200);
    assertThat(handled).hasValue(1);
  }

  @Test
  void bucketStoreDownIsServiceUnavailableBeforeTheNonceIsWrittenAndNeverReachesTheHandler()
      throws Exception {
    nonces.start();
    bucketStoreDown = true;
    MockHttpServletResponse down = send("BucketsDownNonce000");
    assertThat(down.getStatus()).isEqualTo(503);
    assertThat(down.getHeader("X-Rate-Limit-Remaining")).isEqualTo("0");
    assertThat(down.getHeader("Retry-After")).isEqualTo("1");
    assertThat(down.getContentAsString())
        .isEqualTo(
            "{\"message\":\"Service unavailable, try again\",\"status\":503,"
                + "\"reason\":\"rate_limit_store_unavailable\"}");
    assertThat(written).isEmpty();
    assertThat(handled).hasValue(0);
    bucketStoreDown = false;
    assertThat(send("BucketsDownNonce000").getStatus()).isEqualTo(200); // its nonce not spent
    assertThat(handled).hasValue(1);
  }

  @Test
  void callOfAnAccountWithoutAllocationLeftIs402WithTheRemainingCalls() throws Exception {
    nonces.start();
    allocationUsed = true;
    MockHttpServletResponse used = send("AllocationUsedNonce");
    assertThat(used.getStatus()).isEqualTo(402);
    assertThat(used.getHeader("X-Rate-Limit-Remaining")).isEqualTo(String.valueOf(LIMIT - 1));
    assertThat(handled).hasValue(0);
  }

  private MockHttpServletResponse send(String nonce) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/users/sessioninfo");
    request.addHeader("Authorization", "On AccessKeyOfAnn:HmacSHA256:c2lnbmF0dXJl");
    request.addHeader("On-Nonce", nonce);
    request.addHeader("Date", "Mon, 11 Apr 2016 20:08:56 GMT");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain =
        new MockFilterChain(
            new jakarta.servlet.http.HttpServlet() {
              private static final long serialVersionUID = 1L;

              @Override
              protected void service(
                  jakarta.servlet.http.HttpServletRequest req,
                  jakarta.servlet.http.HttpServletResponse res) {
                handled.incrementAndGet();
                res.setStatus(200);
              }
            });
    filter.doFilter(request, response, chain);
    return response;
  }
}
