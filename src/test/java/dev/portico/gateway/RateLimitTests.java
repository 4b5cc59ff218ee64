package dev.portico.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * API-4: every {@code /api} answer carries {@code X-Rate-Limit-Remaining}; a credential over its
 * limit ({@code portico.gateway.rate-limit-per-minute}, low in the test configuration so it can be
 * reached quickly without a context of its own) gets 429 with {@code Retry-After}, and other
 * credentials are not affected.
 */
@PorticoTest
class RateLimitTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired GatewaySettings settings;

  @Test
  void keyOverItsLimitGets429WithRetryAfterAndAnotherKeyIsStillServed() throws Exception {
    int limit = settings.rateLimitPerMinute();
    assertThat(limit).as("the test configuration's limit").isLessThanOrEqualTo(1_000);
    Company acme = accounts.company("Acme");
    IssuedApiKey busy = keys.issue(acme.admin());

    MockHttpServletResponse first = sessionInfo(busy);
    assertThat(first.getStatus()).isEqualTo(200);
    assertThat(first.getHeader("X-Rate-Limit-Remaining")).isEqualTo(String.valueOf(limit - 1));

    // Until refused: a window that ends during the loop restarts the count, so allow for that.
    int served = 1;
    MockHttpServletResponse refused = null;
    for (int call = 1; call < 3 * limit && refused == null; call++) {
      MockHttpServletResponse answer = sessionInfo(busy);
      if (answer.getStatus() == 429) {
        refused = answer;
      } else {
        assertThat(answer.getStatus()).isEqualTo(200);
        served++;
      }
    }

    assertThat(refused).as("a 429 within %d calls", 3 * limit).isNotNull();
    assertThat(served).isGreaterThanOrEqualTo(limit);
    assertThat(refused.getHeader("X-Rate-Limit-Remaining")).isEqualTo("0");
    assertThat(refused.getHeader("Retry-After")).isNotNull();
    assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
    assertThat(refused.getContentType()).startsWith("application/json");
    assertThat(refused.getContentAsString()).contains("\"status\":429");

    MockHttpServletResponse other = sessionInfo(keys.issue(acme.admin()));
    assertThat(other.getStatus()).isEqualTo(200);
    assertThat(other.getHeader("Retry-After")).isNull();
  }

  private MockHttpServletResponse sessionInfo(IssuedApiKey key) throws Exception {
    return mvc.perform(
            get("/api/users/sessioninfo")
                .header("Authorization", TestApiKeys.basic(key))
                .accept("application/json"))
        .andReturn()
        .getResponse();
  }
}
