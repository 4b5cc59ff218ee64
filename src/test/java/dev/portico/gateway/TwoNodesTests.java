package dev.portico.gateway;

import static dev.portico.support.TestApiKeys.nonce;
import static dev.portico.support.TestApiKeys.signedHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.Stack;
import dev.portico.accounts.User;
import dev.portico.accounts.UserChanges;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.apikeys.ApiKeyManagement;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.apikeys.NewApiKey;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.Grants;
import dev.portico.authserver.OAuthFlow;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.Actor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Two Portico nodes sharing one PostgreSQL database: a console session of one is valid on the
 * other, a nonce accepted by one is refused by the other, and a revocation on one (key deleted,
 * user suspended, OAuth grant revoked) is seen by the other within the documented 5 s. Node B is
 * the first node of an encryption-key rotation done out of order: restarted with a new key {@code
 * next} already active, while node A knows only the old key {@code test}; neither may ever answer
 * 500.
 */
@PorticoTest
@ExtendWith(OutputCaptureExtension.class)
class TwoNodesTests {

  static SecondNode nodeB;
  static IssuedApiKey sealedBeforeNodeBRestarted;
  static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);
  static final String NEXT_ENCRYPTION_KEY = "06oAY9uxQ4MOnWddBv8m/Fnaa3fyav2xT2/K1tZHy8w=";

  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired ApiKeyManagement keyManagement;
  @Autowired UserManagement userManagement;
  @Autowired ApplicationManagement applications;
  @Autowired Grants grants;
  @LocalServerPort int portA;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startSecondNode(
      @Autowired Environment nodeA, @Autowired TestAccounts accounts, @Autowired TestApiKeys keys) {
    sealedBeforeNodeBRestarted = keys.issue(accounts.company("Sealed").admin());
    nodeB = SecondNode.start(nodeA, NEXT_ENCRYPTION_KEY);
  }

  @AfterAll
  static void stopSecondNode() {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @Test
  void nonceAcceptedByOneNodeIsRefusedByTheOther() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    Map<String, String> headers =
        signedHeaders(
            key, "GET", "/api/users/sessioninfo", "", "application/json", nonce(), Instant.now());
    HttpResponse<String> first = get(portA, headers);
    assertThat(first.statusCode())
        .as(first.body() + " portA=" + portA + " portB=" + portB())
        .isEqualTo(200);
    HttpResponse<String> replay = get(portB(), headers);
    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("replayed_nonce");
  }

  @Test
  void nonceAcceptedByOneNodeIsRefusedByTheOtherInAnyLetterCase() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    String nonce = "ABCDEFGHIJKLMNOP" + nonce();
    Map<String, String> headers =
        signedHeaders(
            key, "GET", "/api/users/sessioninfo", "", "application/json", nonce, Instant.now());
    assertThat(get(portA, headers).statusCode()).isEqualTo(200);
    Map<String, String> lowerCased = new LinkedHashMap<>(headers);
    lowerCased.put("On-Nonce", nonce.toLowerCase(Locale.ROOT));
    HttpResponse<String> replay = get(portB(), lowerCased);
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(401);
    assertThat(replay.body()).contains("replayed_nonce");
  }

  @Test
  void sameNonceSentToBothNodesAtTheSameInstantIsAcceptedExactlyOnce() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    ExecutorService senders = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        String nonce = nonce();
        Map<String, String> headers =
            signedHeaders(
                key, "GET", "/api/users/sessioninfo", "", "application/json", nonce, Instant.now());
        Map<String, String> other = new LinkedHashMap<>(headers);
        if (round % 2 == 1) { // every other round the second copy carries the nonce lower-cased
          other.put("On-Nonce", nonce.toLowerCase(Locale.ROOT));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        Future<HttpResponse<String>> onA = senders.submit(() -> getAt(start, portA, headers));
        Future<HttpResponse<String>> onB = senders.submit(() -> getAt(start, portB(), other));
        List<HttpResponse<String>> answers =
            List.of(onA.get(30, TimeUnit.SECONDS), onB.get(30, TimeUnit.SECONDS));
        assertThat(answers)
            .as("round %d: %s", round, answers.stream().map(HttpResponse::body).toList())
            .extracting(HttpResponse::statusCode)
            .containsExactlyInAnyOrder(200, 401);
        assertThat(answers)
            .filteredOn(answer -> answer.statusCode() == 401)
            .allSatisfy(answer -> assertThat(answer.body()).contains("replayed_nonce"));
      }
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  void keyDeletedOnOneNodeIsRefusedByTheOtherWithinFiveSeconds() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    assertThat(get(portB(), fresh(key)).statusCode()).isEqualTo(200); // node B caches the key
    keyManagement.delete(Actor.SYSTEM, acme.id(), key.key().id()); // on node A
    assertRefusedByNodeBWithinBound(key);
  }

  @Test
  void userSuspendedOnOneNodeIsRefusedByTheOtherWithinFiveSeconds() throws Exception {
    Company acme = accounts.company("Acme");
    User bob = accounts.member(acme, Role.MEMBER, License.FULL);
    IssuedApiKey key = keys.issue(bob);
    assertThat(get(portB(), fresh(key)).statusCode()).isEqualTo(200);
    userManagement.changeUser(
        Actor.SYSTEM, acme.id(), bob.id(), new UserChanges(null, null, UserState.SUSPENDED));
    assertRefusedByNodeBWithinBound(key);
  }

  @Test
  void grantRevokedOnOneNodeIsRefusedByTheOtherWithinFiveSeconds() throws Exception {
    User solo = accounts.individual();
    User developer = accounts.individual();
    Set<Scope> scopes = EnumSet.of(Scope.OAuth2Read);
    IssuedApplication app =
        OAuthFlow.register(applications, developer, developer.personalAccountId(), scopes);
    String token = new OAuthFlow(portA).authorize(app, solo, scopes).access();
    OAuthFlow onB = new OAuthFlow(portB());
    assertThat(onB.get("/api/users/sessioninfo", token).statusCode()).isEqualTo(200); // cached

    grants.revoke(solo.id(), app.application().id()); // on node A
    assertRefusedByNodeBWithinBound(() -> onB.get("/api/users/sessioninfo", token).statusCode());
  }

  @Test
  void consoleSessionSignedInOnOneNodeIsSignedInOnTheOther() {
    Company acme = accounts.company("Acme");
    ConsoleClient onA = new ConsoleClient(portA);
    onA.get("/login");
    onA.signIn(acme.admin().email(), TestAccounts.PASSWORD);
    String session = onA.sessionId().orElseThrow();
    ConsoleClient onB = new ConsoleClient(portB());
    HttpResponse<String> page = onB.getWithSession("/accounts/" + acme.id() + "/users", session);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(acme.admin().email());
  }

  @Test
  void nodeRestartedWithANewActiveKeyReencryptsNothingSoNodesWithoutItKeepWorking()
      throws Exception {
    IssuedApiKey key = sealedBeforeNodeBRestarted;

    assertThat(nodeB.sealedSecretOf(key)).startsWith("test:");
    assertThat(get(portA, fresh(key)).statusCode()).isEqualTo(200);
    assertThat(get(portB(), fresh(key)).statusCode()).isEqualTo(200);
  }

  @Test
  void keySealedWithAKeyThisNodeDoesNotKnowIsAnswered503NeverRefusedNor500(CapturedOutput output)
      throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key =
        nodeB
            .bean(ApiKeyManagement.class)
            .create(
                Actor.SYSTEM,
                acme.id(),
                new NewApiKey("sealed on B", acme.admin().id(), EnumSet.of(Scope.OAuth2Read)),
                new Stack(null, "localhost"));
    assertThat(nodeB.sealedSecretOf(key)).startsWith("next:");
    assertThat(get(portB(), fresh(key)).statusCode()).isEqualTo(200);

    for (int i = 0; i < 3; i++) {
      HttpResponse<String> signed = get(portA, fresh(key));
      assertThat(signed.statusCode()).isEqualTo(503);
      assertThat(signed.body()).contains("unknown_encryption_key");
      HttpResponse<String> basic = get(portA, Map.of("Authorization", TestApiKeys.basic(key)));
      assertThat(basic.statusCode()).isEqualTo(503);
    }
    assertThat(output.getAll().split("encryption key id 'next', which is not among", -1))
        .as("logged once")
        .hasSize(2);
  }

  private void assertRefusedByNodeBWithinBound(IssuedApiKey key) throws Exception {
    assertRefusedByNodeBWithinBound(() -> get(portB(), fresh(key)).statusCode());
  }

  private void assertRefusedByNodeBWithinBound(Callable<Integer> callOnNodeB) throws Exception {
    long start = System.nanoTime();
    int status;
    do {
      status = callOnNodeB.call();
      if (status == 401) {
        break;
      }
      Thread.sleep(100);
    } while (System.nanoTime() - start < REVOCATION_BOUND.plusSeconds(2).toNanos());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(status).as("node B still accepts after %s", took).isEqualTo(401);
    // the bound is 5 s; allow for request time and scheduling on a busy 2-core CI machine
    assertThat(took).isLessThanOrEqualTo(REVOCATION_BOUND.plusMillis(1500));
  }

  private static Map<String, String> fresh(IssuedApiKey key) {
    return signedHeaders(
        key, "GET", "/api/users/sessioninfo", "", "application/json", nonce(), Instant.now());
  }

  private int portB() {
    return nodeB.port();
  }

  private HttpResponse<String> getAt(CyclicBarrier start, int port, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users/sessioninfo"))
            .GET();
    headers.forEach(request::header);
    HttpRequest built = request.build();
    start.await(10, TimeUnit.SECONDS);
    return http.send(built, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(int port, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users/sessioninfo"))
            .GET();
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
