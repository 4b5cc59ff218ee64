package dev.portico.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountTopics;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.License;
import dev.portico.accounts.Plan;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.apikeys.internal.ApiKeys;
import dev.portico.system.ChangedSubjects;
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

/**
 * Revocation by change feed (DESIGN "Caches and revocation at scale"): cached keys are not re-read
 * one by one; the directory drops only what the feed names, so the database load does not grow with
 * the number of keys. How the feed is read (one query per read, overlap, twice, outages) is {@code
 * system.ChangeFeedReaderTests}.
 */
class ApiKeyDirectoryChangeFeedTests {

  static final int KEYS = 1_000;
  static final String SECRET = "Secret0123456789abcdefghijklmnopqrstuvwxyzABCD";

  final SecretCipher cipher = TestSecretCiphers.of(Map.of("k", TestSecretCiphers.newKey()), null);
  final ApiKeysSettings settings = TestApiKeysSettings.defaults();
  final ApiKeys keys = mock(ApiKeys.class);
  final AccountManagement accounts = mock(AccountManagement.class);
  final UserManagement userManagement = mock(UserManagement.class);
  final AtomicLong nanos = new AtomicLong();
  final Ticker ticker = nanos::get;
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final Account company = account();
  final List<ApiKey> issued = new ArrayList<>();
  final Map<String, ApiKeys.Sealed> rows = new HashMap<>();
  ApiKeyDirectory directory;

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
    directory =
        new ApiKeyDirectory(keys, cipher, accounts, userManagement, settings, clock, ticker);
  }

  @Test
  void manyCachedKeysCauseNoPerKeyQueriesInTheSteadyState() {
    verifyEveryKey();
    verify(keys, times(KEYS)).findSealed(anyString());

    // nine minutes of traffic on every key, other keys and users changing now and then
    for (int second = 1; second <= 9 * 60; second++) {
      advance(Duration.ofSeconds(1));
      if (second % 60 == 0) {
        directory.changed(
            changes(
                ApiKeyDirectory.KEY_TOPIC,
                "NotCached" + second,
                AccountTopics.USER,
                UUID.randomUUID().toString()));
      }
      if (second % 30 == 0) {
        verifyEveryKey();
      }
    }

    verify(keys, times(KEYS)).findSealed(anyString()); // not one more
    verify(userManagement, times(KEYS)).user(any());
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
    directory.changed(changes(AccountTopics.USER, changed.userId().toString()));

    assertThat(directory.cached(changed.accessKey())).isNull();
    assertThat(directory.cached(issued.get(8).accessKey())).isNotNull();
    verifyEveryKey();
    verify(keys, times(KEYS + 1)).findSealed(anyString());
  }

  @Test
  void deletedKeyAndRenamedAccountAreDropped() {
    verifyEveryKey();
    ApiKey deleted = issued.get(3);
    directory.changed(changes(ApiKeyDirectory.KEY_TOPIC, deleted.accessKey()));
    assertThat(directory.cached(deleted.accessKey())).isNull();
    assertThat(directory.cached(issued.get(4).accessKey())).isNotNull();

    directory.changed(changes(AccountTopics.ACCOUNT, company.id().toString()));
    assertThat(issued).allSatisfy(k -> assertThat(directory.cached(k.accessKey())).isNull());
  }

  @Test
  void subjectsThatAreNotIdsNameNothing() {
    verifyEveryKey();

    directory.changed(changes(AccountTopics.USER, "not-an-id", AccountTopics.ACCOUNT, ""));

    assertThat(issued).allSatisfy(k -> assertThat(directory.cached(k.accessKey())).isNotNull());
  }

  private static ChangedSubjects changes(String topic, String subject) {
    return new ChangedSubjects(Map.of(topic, Set.of(subject)));
  }

  private static ChangedSubjects changes(
      String topic, String subject, String otherTopic, String otherSubject) {
    return new ChangedSubjects(Map.of(topic, Set.of(subject), otherTopic, Set.of(otherSubject)));
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
