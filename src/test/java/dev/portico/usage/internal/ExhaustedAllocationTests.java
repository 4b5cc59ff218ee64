package dev.portico.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.AccountChanges;
import dev.portico.accounts.AccountManagement;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.Actor;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * USE-4: once an account's counted calls reach its allocation, its next counted call is refused
 * with 402 and the reference platform's body, exactly, and is not counted; the operator's own calls
 * are never refused; a larger allocation lets calls through again from the next window.
 */
@PorticoTest
class ExhaustedAllocationTests {

  static final String BODY =
      "{\"message\":\"API limits have been reached. Contact your administrator.\",\"status\":402}";

  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired AccountManagement accountManagement;
  @Autowired UsageFlush flush;
  @Autowired JdbcClient sql;
  @LocalServerPort int port;

  @Test
  void callAfterTheAllocationIsUsedIsRefusedWith402AndTheExactBodyAndIsNotCounted() {
    Company acme = accounts.company("Acme");
    allocate(acme, 3);
    IssuedApiKey key = keys.issue(acme.admin());
    for (int i = 0; i < 3; i++) {
      assertThat(call(key).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> refused = call(key); // this node's pending counts: no flush needed
    assertThat(refused.statusCode()).isEqualTo(402);
    assertThat(refused.body()).isEqualTo(BODY);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));

    assertThat(flush.flush()).isTrue();
    assertThat(call(key).statusCode()).isEqualTo(402); // the stored total, after the flush
    assertThat(new UsageRows(sql).detailCalls(acme.id())).isEqualTo(3);
  }

  @Test
  void largerAllocationLetsCallsThroughAgainFromTheNextWindow() {
    Company acme = accounts.company("Acme");
    allocate(acme, 1);
    IssuedApiKey key = keys.issue(acme.admin());
    assertThat(call(key).statusCode()).isEqualTo(200);
    assertThat(call(key).statusCode()).isEqualTo(402);

    allocate(acme, 2);
    int status = 402;
    for (int window = 0; window < 3 && status == 402; window++) {
      assertThat(flush.flush()).isTrue(); // refreshes the allocation of accounts seen in the window
      status = call(key).statusCode();
    }
    assertThat(status).isEqualTo(200);
    assertThat(call(key).statusCode()).isEqualTo(402);
  }

  @Test
  void operatorsOwnCallsAreNeverRefusedWith402() {
    var operator = accounts.operator();
    accountManagement.updateAccount(
        Actor.SYSTEM,
        operator.personalAccountId(),
        new AccountChanges(null, null, null, null, 0L, false));
    IssuedApiKey key = keys.issue(operator);

    assertThat(call(key).statusCode()).isEqualTo(200);
    assertThat(call(key).statusCode()).isEqualTo(200);
  }

  private void allocate(Company company, long allocation) {
    accountManagement.updateAccount(
        Actor.SYSTEM, company.id(), new AccountChanges(null, null, null, null, allocation, false));
  }

  private HttpResponse<String> call(IssuedApiKey key) {
    return ApiCalls.withKey(port, MeteringRulesTests.SESSION_INFO, key);
  }
}
