package dev.portico.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.License;
import dev.portico.accounts.Plan;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.apikeys.internal.ApiKeys;
import dev.portico.apikeys.internal.KeyChanges;
import dev.portico.system.SecretCipher;
import dev.portico.system.TestSecretCiphers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Revocation by change feed (DESIGN "Caches and revocation at scale"): cached keys are not re-read
 * one by one; each node reads one feed and drops what it names, so the database load does not grow
 * with the number of keys.
 */
class ApiKeyDirectoryChangeFeedTests {

  static final int KEYS = 1_000;
  static final String SECRET = "Secret0123456789abcdefghijklmnopqrstuvwxyzABCD";

  final SecretCipher cipher = TestSecretCiphers.of(Map.of("k", TestSecretCiphers.newKey()), null);
  final ApiKeysSettings settings = TestApiKeysSettings.defaults();
  final ApiKeys keys = mock(ApiKeys.class);
  final KeyChanges changes = mock(KeyChanges.class);
  final AccountManagement accounts = mock(AccountManagement.class);
  final UserManagement userManagement = mock(UserManagement.class);
  final AtomicLong nanos = new AtomicLong();
  final Ticker ticker = nanos::get;
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final Account company = account();
  final List<ApiKey> issued = new ArrayList<>();
  final Map<String, ApiKeys.Sealed> rows = new HashMap<>();
  ApiKeyDirectory directory;
  KeyChangeFeed feed;

  @BeforeEach
  void setUp() {
    when(accounts.account(company.id())).thenReturn(Optional.of(company));
    Map<UUID, User> users = new HashMap<>();
    when(userManagement.user(any()))
        .thenAnswer(call -> Optional.ofNullable(users.get(call.<UUID>getArgument(0))));
    for (int i = 0; i < KEYS; i++) {
      User user = member(company);
      users.put(user.id(), user);
      ApiKey key = key(user, "AccessKey%015d".formatted(i));
      issued.add(key);
      rows.put(key.accessKey(), new ApiKeys.Sealed(key, cipher.seal(SECRET, key.accessKey())));
    }
    when(keys.findSealed(anyString()))
        .thenAnswer(call -> Optional.ofNullable(rows.get(call.<String>getArgument(0))));
    when(changes.since(any())).thenReturn(List.of());
    directory =
        new ApiKeyDirectory(keys, cipher, accounts, userManagement, settings, clock, ticker);
    feed = new KeyChangeFeed(changes, directory, settings, clock);
  }

  @Test
  void manyCachedKeysCauseNoPerKeyQueriesInTheSteadyState() {
    verifyEveryKey();
    verify(keys, times(KEYS)).findSealed(anyString());

    // nine minutes of traffic on every key, the feed read once a second, nothing changing
    int polls = 0;
    for (int second = 1; second <= 9 * 60; second++) {
      advance(Duration.ofSeconds(1));
      feed.pollChanges();
      polls++;
      if (second % 30 == 0) {
        verifyEveryKey();
      }
    }

    verify(keys, times(KEYS)).findSealed(anyString()); // not one more
    verify(userManagement, times(KEYS)).user(any());
    verify(changes, times(polls)).since(any()); // one query per read, whatever the number of keys
  }

  @Test
  void entriesExpireAfterTheCacheExpiryAsALastResort() {
    verifyEveryKey();

    advance(settings.cacheExpiry().plusSeconds(1));
    directory.verifyBasic(issued.get(0).accessKey(), SECRET);

    verify(keys, times(KEYS + 1)).findSealed(anyString());
  }

  @Test
  void changeOfAUserDropsOnlyThatUsersKeys() {
    verifyEveryKey();
    ApiKey changed = issued.get(7);
    feed(new KeyChanges.Change(UUID.randomUUID(), null, changed.userId(), null, clock.instant()));

    feed.pollChanges();

    assertThat(directory.cached(changed.accessKey())).isNull();
    assertThat(directory.cached(issued.get(8).accessKey())).isNotNull();
    verifyEveryKey();
    verify(keys, times(KEYS + 1)).findSealed(anyString());
  }

  @Test
  void deletedKeyAndRenamedAccountAreDropped() {
    verifyEveryKey();
    ApiKey deleted = issued.get(3);
    feed(
        new KeyChanges.Change(UUID.randomUUID(), deleted.accessKey(), null, null, clock.instant()));
    feed.pollChanges();
    assertThat(directory.cached(deleted.accessKey())).isNull();
    assertThat(directory.cached(issued.get(4).accessKey())).isNotNull();

    feed(new KeyChanges.Change(UUID.randomUUID(), null, null, company.id(), clock.instant()));
    feed.pollChanges();
    assertThat(issued).allSatisfy(k -> assertThat(directory.cached(k.accessKey())).isNull());
  }

  @Test
  void changeSeenAgainInTheOverlapIsAppliedOnTwoReadsThenIgnored() {
    ApiKey key = issued.get(0);
    KeyChanges.Change change =
        new KeyChanges.Change(UUID.randomUUID(), key.accessKey(), null, null, clock.instant());
    feed(change);

    // the second read catches an entry that was being loaded from the old state during the first
    for (int read = 1; read <= 2; read++) {
      directory.verifyBasic(key.accessKey(), SECRET);
      feed.pollChanges();
      assertThat(directory.cached(key.accessKey())).as("after read %d", read).isNull();
    }
    directory.verifyBasic(key.accessKey(), SECRET);
    feed.pollChanges();
    assertThat(directory.cached(key.accessKey())).isNotNull();
  }

  @Test
  void eachReadReachesBackByTheOverlapBeforeThePreviousRead() {
    Instant first = clock.instant();
    feed.pollChanges();
    advance(Duration.ofSeconds(1));
    feed.pollChanges();

    ArgumentCaptor<Instant> since = ArgumentCaptor.forClass(Instant.class);
    verify(changes, atLeastOnce()).since(since.capture());
    assertThat(since.getAllValues())
        .containsExactly(
            first.minus(settings.changeFeedOverlap()), first.minus(settings.changeFeedOverlap()));
  }

  @Test
  void feedThatCannotBeReadIsReadFromTheSamePointNextTime() {
    Instant first = clock.instant();
    when(changes.since(any()))
        .thenThrow(new org.springframework.dao.DataAccessResourceFailureException("down"))
        .thenReturn(List.of());
    feed.pollChanges();
    advance(Duration.ofSeconds(3));
    feed.pollChanges();

    ArgumentCaptor<Instant> since = ArgumentCaptor.forClass(Instant.class);
    verify(changes, times(2)).since(since.capture());
    assertThat(since.getAllValues().get(1)).isEqualTo(first.minus(settings.changeFeedOverlap()));
  }

  private void feed(KeyChanges.Change change) {
    when(changes.since(any())).thenReturn(List.of(change));
  }

  private void verifyEveryKey() {
    for (ApiKey key : issued) {
      assertThat(directory.verifyBasic(key.accessKey(), SECRET).keyId()).isEqualTo(key.id());
    }
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
    clock.advance(duration);
  }

  private static Account account() {
    return new Account(
        UUID.randomUUID(),
        AccountType.COMPANY,
        "Acme",
        Plan.PROFESSIONAL,
        null,
        LocalDate.of(2026, 1, 1),
        null,
        Instant.now());
  }

  private static User member(Account company) {
    UUID id = UUID.randomUUID();
    return new User(
        id,
        id + "@acme.test",
        "Member",
        License.FULL,
        UserState.ACTIVE,
        false,
        UUID.randomUUID(),
        company.id(),
        Role.MEMBER,
        Instant.now());
  }

  private ApiKey key(User user, String accessKey) {
    return new ApiKey(
        UUID.randomUUID(),
        company.id(),
        user.id(),
        "Key",
        accessKey,
        Set.of(Scope.OAuth2Read),
        "public",
        Instant.now(),
        null,
        null);
  }

  /** A clock the test moves forward by hand. */
  static final class MutableClock extends Clock {

    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
