package dev.portico.authserver;

import static dev.portico.authserver.AccessTokenFixtures.account;
import static dev.portico.authserver.AccessTokenFixtures.withScopes;
import static dev.portico.authserver.AccessTokenFixtures.withState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountTopics;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAssignments;
import dev.portico.applications.ApplicationDirectory;
import dev.portico.applications.ApplicationManagement;
import dev.portico.authserver.internal.AccessTokens;
import dev.portico.authserver.internal.TokenHashes;
import dev.portico.system.ChangedSubjects;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Bearer cache (DESIGN "The hot path", "Caches and revocation at scale"): tokens are read from
 * the database once and then answered from memory, with the expiry, the app, the grant policy and
 * the app's scopes checked on every call; unknown tokens cost one read a second; the change feed
 * drops exactly the entries it names.
 */
class AccessTokenDirectoryTests {

  static final int TOKENS = 1_000;

  final AccessTokens tokens = mock(AccessTokens.class);
  final ApplicationDirectory directory = mock(ApplicationDirectory.class);
  final ApplicationManagement management = mock(ApplicationManagement.class);
  final UserManagement users = mock(UserManagement.class);
  final AccountManagement accounts = mock(AccountManagement.class);
  final ApplicationAssignments assignments = mock(ApplicationAssignments.class);
  final AtomicLong nanos = new AtomicLong();
  final AccessTokenFixtures.MutableClock clock =
      new AccessTokenFixtures.MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final Account acme = account(AccountType.COMPANY, "Acme");
  final Account solo = account(AccountType.INDIVIDUAL, "Solo");
  final Map<String, AccessTokens.Stored> rows = new HashMap<>();
  final Map<UUID, User> people = new HashMap<>();
  final Map<String, Application> apps = new HashMap<>();
  Application individualApp;
  Application companyApp;
  AccessTokenDirectory tokenDirectory;

  @BeforeEach
  void setUp() {
    when(accounts.account(acme.id())).thenReturn(Optional.of(acme));
    when(accounts.account(solo.id())).thenReturn(Optional.of(solo));
    individualApp = app(solo.id(), EnumSet.of(Scope.OAuth2Read, Scope.OAuth2Write));
    companyApp = app(acme.id(), EnumSet.of(Scope.OAuth2Read, Scope.OAuth2Write));
    when(tokens.findUsable(anyString(), any()))
        .thenAnswer(call -> Optional.ofNullable(rows.get(call.<String>getArgument(0))));
    when(users.user(any()))
        .thenAnswer(call -> Optional.ofNullable(people.get(call.<UUID>getArgument(0))));
    when(directory.byClientId(anyString()))
        .thenAnswer(call -> Optional.ofNullable(apps.get(call.<String>getArgument(0))));
    when(management.application(any()))
        .thenAnswer(
            call ->
                apps.values().stream().filter(a -> a.id().equals(call.getArgument(0))).findFirst());
    when(assignments.mayUse(any(), any())).thenReturn(true);
    GrantPolicy policy = new GrantPolicy(assignments, accounts);
    tokenDirectory =
        new AccessTokenDirectory(
            tokens, directory, management, users, accounts, policy, clock, nanos::get);
  }

  @Test
  void manyCachedTokensCauseNoDatabaseReadsInTheSteadyState() {
    List<String> issued = new ArrayList<>();
    for (int i = 0; i < TOKENS; i++) {
      issued.add(token(member(), i % 2 == 0 ? individualApp : companyApp, Duration.ofHours(1)));
    }
    issued.forEach(t -> assertThat(tokenDirectory.authenticate(t)).isPresent());

    // nine minutes of traffic on every token, other subjects changing now and then
    for (int second = 1; second <= 9 * 60; second++) {
      advance(Duration.ofSeconds(1));
      if (second % 60 == 0) {
        tokenDirectory.changed(
            changes(AccountTopics.USER, UUID.randomUUID().toString(), "grant", "other"));
      }
      if (second % 30 == 0) {
        issued.forEach(t -> assertThat(tokenDirectory.authenticate(t)).isPresent());
      }
    }

    verify(tokens, times(TOKENS)).findUsable(anyString(), any()); // not one more
    verify(users, times(TOKENS)).user(any());
  }

  @Test
  void unknownTokensAreRememberedForASecondSoFloodsCostFewReads() {
    for (int i = 0; i < 1_000; i++) {
      assertThat(tokenDirectory.authenticate("flood")).isEmpty();
    }
    verify(tokens, times(1)).findUsable(anyString(), any());

    advance(Duration.ofMillis(1_100));
    assertThat(tokenDirectory.authenticate("flood")).isEmpty();
    verify(tokens, times(2)).findUsable(anyString(), any());
  }

  @Test
  void tokenThatExpiresWhileCachedIsRefused() {
    String token = token(member(), individualApp, Duration.ofSeconds(30));
    assertThat(tokenDirectory.authenticate(token)).isPresent();

    clock.advance(Duration.ofSeconds(30)); // the cache's own ticker has not moved

    assertRefused(token, AccessTokenRefused.Reason.EXPIRED);
  }

  @Test
  void tokenOfAGoneApplicationIsRefusedAndSoIsOneWhoseClientIdNowNamesAnotherApp() {
    String token = token(member(), individualApp, Duration.ofHours(1));
    assertThat(tokenDirectory.authenticate(token)).isPresent();

    apps.remove(individualApp.clientId());
    assertRefused(token, AccessTokenRefused.Reason.APPLICATION_GONE);

    apps.put(individualApp.clientId(), app(solo.id(), Set.of(Scope.OAuth2Read)));
    assertRefused(token, AccessTokenRefused.Reason.APPLICATION_GONE);
  }

  @Test
  void unassignedMemberAndSuspendedUserAreRefusedOnTheNextCall() {
    User dev = member();
    String token = token(dev, companyApp, Duration.ofHours(1));
    assertThat(tokenDirectory.authenticate(token)).isPresent();

    when(assignments.mayUse(dev.id(), companyApp.id())).thenReturn(false);
    assertRefused(token, AccessTokenRefused.Reason.NOT_ALLOWED);

    when(assignments.mayUse(dev.id(), companyApp.id())).thenReturn(true);
    people.put(dev.id(), withState(dev, UserState.SUSPENDED));
    tokenDirectory.changed(changes(AccountTopics.USER, dev.id().toString()));
    assertRefused(token, AccessTokenRefused.Reason.INACTIVE_USER);
  }

  @Test
  void scopesTheApplicationNoLongerHasAreDroppedFromTheToken() {
    String token = token(member(), individualApp, Duration.ofHours(1));
    assertThat(tokenDirectory.authenticate(token).orElseThrow().scopeBits())
        .isEqualTo(Scope.OAuth2Read.bit() | Scope.OAuth2Write.bit());

    apps.put(individualApp.clientId(), withScopes(individualApp, Set.of(Scope.OAuth2Read)));

    assertThat(tokenDirectory.authenticate(token).orElseThrow().scopeBits())
        .isEqualTo(Scope.OAuth2Read.bit());
  }

  @Test
  void callerIsChargedToTheApplicationsOwnerActsInTheUsersCompanyAndIsNeverTheOperator() {
    User dev = member();
    User operator = individual(true);
    ApiCaller member = tokenDirectory.authenticate(token(dev, individualApp, HOUR)).orElseThrow();
    ApiCaller ops = tokenDirectory.authenticate(token(operator, individualApp, HOUR)).orElseThrow();
    ApiCaller inCompanyApp =
        tokenDirectory.authenticate(token(dev, companyApp, HOUR)).orElseThrow();

    // USE-3: an app's calls count to the app's owner account, not to the end user's
    assertThat(member.accountId()).isEqualTo(individualApp.ownerAccountId());
    assertThat(member.applicationId()).isEqualTo(individualApp.id());
    assertThat(inCompanyApp.accountId()).isEqualTo(acme.id());
    assertThat(member.companyId()).isEqualTo(acme.id());
    assertThat(member.companyName()).isEqualTo("Acme");
    assertThat(member.credential()).isEqualTo(ApiCaller.Credential.BEARER);
    assertThat(member.clientId()).isEqualTo(individualApp.clientId());
    assertThat(member.keyId()).isNull();
    assertThat(ops.accountId()).isEqualTo(individualApp.ownerAccountId());
    assertThat(ops.operator()).isFalse();
  }

  @Test
  void aCallAfterTheAppChangedHandsIsChargedToTheNewOwnerBeforeTheChangeFeedArrives() {
    String token = token(member(), individualApp, HOUR);
    assertThat(tokenDirectory.authenticate(token).orElseThrow().accountId()).isEqualTo(solo.id());
    apps.put(individualApp.clientId(), AccessTokenFixtures.withOwner(individualApp, acme.id()));
    assertThat(tokenDirectory.authenticate(token).orElseThrow().accountId()).isEqualTo(acme.id());
  }

  @Test
  void changeFeedDropsExactlyTheEntriesItNames() {
    User alice = member();
    User bob = member();
    String aliceIndividual = token(alice, individualApp, HOUR);
    String aliceCompany = token(alice, companyApp, HOUR);
    String bobCompany = token(bob, companyApp, HOUR);
    String bobIndividual = token(bob, individualApp, HOUR);
    List<String> all = List.of(aliceIndividual, aliceCompany, bobCompany, bobIndividual);
    all.forEach(t -> assertThat(tokenDirectory.authenticate(t)).isPresent());

    tokenDirectory.changed(changes("grant", rows.get(hash(aliceIndividual)).authorizationId()));
    assertThat(cachedOf(all)).containsExactly(false, true, true, true);

    tokenDirectory.changed(changes("grant", companyApp.id().toString()));
    assertThat(cachedOf(all)).containsExactly(false, false, false, true);

    all.forEach(tokenDirectory::authenticate);
    tokenDirectory.changed(changes(AccountTopics.USER, bob.id().toString()));
    assertThat(cachedOf(all)).containsExactly(true, true, false, false);

    all.forEach(tokenDirectory::authenticate);
    tokenDirectory.changed(changes(AccountTopics.ACCOUNT, acme.id().toString()));
    assertThat(cachedOf(all)).containsExactly(false, false, false, false);
  }

  static final Duration HOUR = Duration.ofHours(1);

  private List<Boolean> cachedOf(List<String> all) {
    return all.stream().map(tokenDirectory::cached).toList();
  }

  private void assertRefused(String token, AccessTokenRefused.Reason reason) {
    assertThatThrownBy(() -> tokenDirectory.authenticate(token))
        .isInstanceOfSatisfying(
            AccessTokenRefused.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageNotContaining(token);
  }

  private String token(User user, Application app, Duration lifetime) {
    String value = "token-" + UUID.randomUUID();
    rows.put(
        hash(value),
        new AccessTokens.Stored(
            UUID.randomUUID().toString(),
            app.id().toString(),
            user.id().toString(),
            "OAuth2Read OAuth2Write",
            clock.instant().plus(lifetime)));
    return value;
  }

  private static String hash(String token) {
    return TokenHashes.sha256Hex(token);
  }

  private static ChangedSubjects changes(String topic, String subject) {
    return new ChangedSubjects(Map.of(topic, Set.of(subject)));
  }

  private static ChangedSubjects changes(String t1, String s1, String t2, String s2) {
    return new ChangedSubjects(Map.of(t1, Set.of(s1), t2, Set.of(s2)));
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
    clock.advance(duration);
  }

  private User member() {
    return remember(AccessTokenFixtures.member(acme.id()));
  }

  private User individual(boolean operator) {
    return remember(AccessTokenFixtures.individual(operator));
  }

  private User remember(User user) {
    people.put(user.id(), user);
    return user;
  }

  private Application app(UUID owner, Set<Scope> scopes) {
    Application app = AccessTokenFixtures.app(owner, scopes);
    apps.put(app.clientId(), app);
    return app;
  }
}
