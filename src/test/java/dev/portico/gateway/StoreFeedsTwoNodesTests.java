package dev.portico.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.GrantPolicy;
import dev.portico.authserver.OAuthFlow;
import dev.portico.extensions.ExtensionFixtures;
import dev.portico.store.EntryState;
import dev.portico.store.ReviewDecision;
import dev.portico.store.StoreEntry;
import dev.portico.store.StoreFixtures;
import dev.portico.store.StoreReview;
import dev.portico.store.StoreSubscriptions;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.usage.UnmeteredApplications;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store's two per-node caches across nodes, kept current by the database change feed alone: a
 * change made on node A reaches node B's cache, which B had already loaded, within the feed's poll
 * interval. Node B keeps {@code mayUse} answers for 10 minutes (instead of 5 s), so only the feed —
 * not the cache's expiry — can make B forget them within the 10 s the test waits.
 *
 * <ul>
 *   <li>Topic {@code application-use} (STO-4, SHR-3): a beta tester who unsubscribes from a private
 *       entry on A may no longer use the app on B.
 *   <li>Topic {@code store} (USE-2): once the entry is approved to PUBLIC on A, B stops metering
 *       the app's Bearer calls.
 * </ul>
 */
@PorticoTest
class StoreFeedsTwoNodesTests {

  static final String SESSION_INFO = "/api/users/sessioninfo";
  static final Duration FEED_BOUND = Duration.ofSeconds(10);
  static final Set<Scope> SCOPES = EnumSet.of(Scope.OAuth2Read);

  static SecondNode nodeB;

  @LocalServerPort int port;
  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired ExtensionFixtures extensions;
  @Autowired StoreFixtures store;
  @Autowired StoreSubscriptions subscriptions;
  @Autowired StoreReview review;
  @Autowired ApplicationManagement applications;
  @Autowired GrantPolicy grants;
  @Autowired JdbcClient sql;

  @BeforeAll
  static void startSecondNode(@Autowired Environment nodeA) {
    nodeB =
        SecondNode.startWith(
            nodeA, "--portico.applications.cache-expiry=10m", "--portico.usage.flush-interval=1s");
  }

  @AfterAll
  static void stopSecondNode() {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @Test
  void unsubscribingOnOneNodeEndsTheBetaTestersUseOfThePrivateAppOnTheOther() {
    Company acme = accounts.company("FeedBeta");
    User tester = accounts.member(acme, Role.MEMBER, License.FULL);
    IssuedApplication app = extensions.app(acme);
    StoreEntry entry = store.entry(acme.admin(), app.application(), "ALL_INTERNAL", Set.of());
    assertThat(entry.state()).isEqualTo(EntryState.PRIVATE);
    GrantPolicy grantsOnB = nodeB.bean(GrantPolicy.class);

    subscriptions.subscribe(tester, entry.id()); // on node A
    assertThat(grants.refusal(tester, app.application())).isEmpty();
    String token = new OAuthFlow(port).authorize(app, tester, SCOPES).access();
    OAuthFlow onB = new OAuthFlow(nodeB.port());
    // node B answers, and so remembers that the tester may use the app
    assertThat(onB.get(SESSION_INFO, token).statusCode()).isEqualTo(200);
    assertThat(grantsOnB.refusal(tester, app.application())).isEmpty();

    subscriptions.unsubscribe(tester, entry.id()); // on node A

    await()
        .atMost(FEED_BOUND)
        .untilAsserted(
            () -> assertThat(onB.get(SESSION_INFO, token).statusCode()).isNotEqualTo(200));
    assertThat(grantsOnB.refusal(tester, app.application())).isPresent();
  }

  @Test
  void approvedToPublicOnOneNodeTheAppsBearerCallsStopCountingOnTheOther() {
    User owner = accounts.individual();
    User endUser = accounts.individual();
    User operator = accounts.operator();
    IssuedApplication app =
        OAuthFlow.register(applications, owner, owner.personalAccountId(), SCOPES);
    UUID appId = app.application().id();
    StoreEntry entry = store.entry(owner, app.application(), "NONE", Set.of());
    store.setState(entry, EntryState.IN_REVIEW);
    String token = new OAuthFlow(port).authorize(app, endUser, SCOPES).access();
    IssuedApiKey ownersKey = keys.issue(owner);
    UnmeteredApplications unmeteredOnB = nodeB.bean(UnmeteredApplications.class);

    // node B meters two calls, and so has read its set of public apps
    callOnB(token, 2);
    await().atMost(FEED_BOUND).until(() -> appCalls(appId) == 2);
    assertThat(unmeteredOnB.isUnmetered(appId)).isFalse();

    review.decide(
        StoreFixtures.actor(operator), operator, entry.id(), ReviewDecision.APPROVE, null);

    await().atMost(FEED_BOUND).until(() -> unmeteredOnB.isUnmetered(appId));
    callOnB(token, 3);
    // the owner's key call always counts: once it is written, so would be the three before it
    assertThat(
            ExtensionFixtures.call(
                    nodeB.port(), "GET", SESSION_INFO, TestApiKeys.basic(ownersKey), null)
                .statusCode())
        .isEqualTo(200);
    await().atMost(FEED_BOUND).until(() -> keyCalls(ownersKey) == 1);
    assertThat(appCalls(appId)).isEqualTo(2);
  }

  private static void callOnB(String token, int times) {
    OAuthFlow onB = new OAuthFlow(nodeB.port());
    for (int i = 0; i < times; i++) {
      assertThat(onB.get(SESSION_INFO, token).statusCode()).isEqualTo(200);
    }
  }

  private long appCalls(UUID applicationId) {
    return sql.sql("select coalesce(sum(calls), 0) from use_counter where application_id = :a")
        .param("a", applicationId)
        .query(Long.class)
        .single();
  }

  private long keyCalls(IssuedApiKey key) {
    return sql.sql("select coalesce(sum(calls), 0) from use_counter where key_id = :k")
        .param("k", key.key().id())
        .query(Long.class)
        .single();
  }
}
