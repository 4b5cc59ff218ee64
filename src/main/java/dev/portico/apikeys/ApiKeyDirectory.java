package dev.portico.apikeys;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountTopics;
import dev.portico.accounts.UserManagement;
import dev.portico.apikeys.internal.ApiKeys;
import dev.portico.apikeys.internal.OnSignatureVerifier;
import dev.portico.apikeys.internal.ResolvedKey;
import dev.portico.system.ChangeFeed;
import dev.portico.system.ChangeSubscriber;
import dev.portico.system.ChangedSubjects;
import dev.portico.system.SecretCipher;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies API-key requests where the secret lives (KEY-5, KEY-6): the gateway hands over what the
 * request presents and gets back a {@link VerifiedKey}, which holds no secret.
 *
 * <p>Keys come from a bounded in-memory cache (access key → key, opened secret, snapshot of its
 * user), so in the steady state a verification never waits on the database. Entries live long
 * ({@code cacheExpiry}); what keeps them current is the change feed: every change that affects a
 * key (key deleted; its user suspended, changed or removed; its account renamed) writes a row of
 * the {@link ChangeFeed} in the transaction of the change, and each node reads the feed once every
 * {@code portico.system.change-poll-interval} with one indexed query and hands this directory what
 * changed. The database load is one query per node per interval, whatever the number of keys; a
 * revocation reaches every node within about that interval. On the node where the change happens
 * the entry is dropped at once, after commit. Unknown access keys are remembered for a second, so
 * floods of them cost few database reads.
 */
@Component
public class ApiKeyDirectory implements ChangeSubscriber {

  /**
   * The {@link ChangeFeed} topic of API keys: the key with this access key (the subject) was
   * deleted or changed.
   */
  public static final String KEY_TOPIC = "api-key";

  private static final Set<String> TOPICS =
      Set.of(KEY_TOPIC, AccountTopics.USER, AccountTopics.ACCOUNT);

  private static final long UNKNOWN_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long UNAVAILABLE_TTL_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final byte[] BASIC_DECOY =
      "portico-decoy-secret-for-unknown-keys".getBytes(StandardCharsets.UTF_8);

  private final ApiKeys keys;
  private final Clock clock;
  private final OnSignatureVerifier signatures;
  private final ApiKeyResolver resolver;
  private final LoadingCache<String, Optional<ResolvedKey>> cache;
  private final Map<UUID, Instant> lastUsed = new ConcurrentHashMap<>();

  @Autowired
  ApiKeyDirectory(
      ApiKeys keys,
      SecretCipher cipher,
      AccountManagement accounts,
      UserManagement users,
      ApiKeysSettings settings,
      Clock clock) {
    this(keys, cipher, accounts, users, settings, clock, Ticker.systemTicker());
  }

  ApiKeyDirectory(
      ApiKeys keys,
      SecretCipher cipher,
      AccountManagement accounts,
      UserManagement users,
      ApiKeysSettings settings,
      Clock clock,
      Ticker ticker) {
    this.keys = keys;
    this.clock = clock;
    this.signatures = new OnSignatureVerifier(clock);
    this.resolver = new ApiKeyResolver(cipher, accounts, users);
    long expiry = settings.cacheExpiry().toNanos();
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .ticker(ticker)
            .expireAfter(
                new Expiry<String, Optional<ResolvedKey>>() {
                  @Override
                  public long expireAfterCreate(String key, Optional<ResolvedKey> value, long now) {
                    if (value.isEmpty()) {
                      return UNKNOWN_TTL_NANOS;
                    }
                    return value.get().unavailable() == null ? expiry : UNAVAILABLE_TTL_NANOS;
                  }

                  @Override
                  public long expireAfterUpdate(
                      String key, Optional<ResolvedKey> value, long now, long current) {
                    return expireAfterCreate(key, value, now);
                  }

                  @Override
                  public long expireAfterRead(
                      String key, Optional<ResolvedKey> value, long now, long current) {
                    return current;
                  }
                })
            .build(this::load);
  }

  /**
   * Verifies a signed request (KEY-5) in the order that costs an attacker most and tells them
   * least: algorithm, nonce shape, date window, then key and signature together (an unknown key
   * costs one HMAC like a wrong signature, and gets the same answer). The nonce's freshness is not
   * checked here: the caller checks it after verification, so that nonces cannot be burnt without
   * the secret.
   *
   * @param maxClockSkew how far the request's {@code Date} may be from this node's time; the caller
   *     keeps nonces for at least twice as long
   * @return the key; the caller still checks {@link VerifiedKey#usable()} and its stack
   * @throws ApiKeyVerificationFailed when the request does not verify
   * @throws ApiKeySecretUnavailable when the key exists but this node cannot open its secret
   */
  public VerifiedKey verifySigned(SignedRequest request, Duration maxClockSkew) {
    return signatures.verify(request, maxClockSkew, cache::get).key();
  }

  /**
   * Verifies {@code Basic} credentials (KEY-6), comparing the secret in constant time; an unknown
   * access key is compared against a decoy and gets the same answer as a wrong secret.
   *
   * @return the key; the caller still checks {@link VerifiedKey#usable()} and its stack
   * @throws ApiKeyVerificationFailed ({@code invalid_credentials}) when they do not verify
   * @throws ApiKeySecretUnavailable when the key exists but this node cannot open its secret
   */
  public VerifiedKey verifyBasic(String accessKey, String secretKey) {
    Optional<ResolvedKey> key = cache.get(accessKey);
    byte[] expected = key.isPresent() ? key.get().requireSecret() : BASIC_DECOY;
    boolean matches = MessageDigest.isEqual(expected, secretKey.getBytes(StandardCharsets.UTF_8));
    if (key.isEmpty() || !matches) {
      throw new ApiKeyVerificationFailed(ApiKeyVerificationFailed.INVALID_CREDENTIALS);
    }
    return key.get().key();
  }

  /**
   * Those of the keys that still exist, by id, read in one query and never cached: what a page
   * naming many keys (the usage breakdown, USE-6) shows. Never their secrets.
   */
  public Map<UUID, ApiKey> keys(Collection<UUID> keyIds) {
    Map<UUID, ApiKey> found = new HashMap<>();
    keys.findAll(keyIds).forEach(k -> found.put(k.id(), k));
    return found;
  }

  /** Notes that a key was used; written to the database in batches. */
  public void recordUse(UUID keyId) {
    lastUsed.put(keyId, clock.instant());
  }

  @Scheduled(fixedDelayString = "${portico.apikeys.last-used-flush:30s}")
  @PreDestroy
  public void flushLastUsed() {
    if (lastUsed.isEmpty()) {
      return;
    }
    Map<UUID, Instant> batch = new HashMap<>();
    for (UUID id : lastUsed.keySet()) {
      Instant at = lastUsed.remove(id);
      if (at != null) {
        batch.put(id, at);
      }
    }
    keys.touch(batch);
  }

  @Override
  public Set<String> topics() {
    return TOPICS;
  }

  /**
   * Drops the cached entries of the access keys that changed, and of every key acting for a user
   * that changed or belonging to (or acting in) an account that changed.
   */
  @Override
  public void changed(ChangedSubjects changes) {
    cache.invalidateAll(changes.of(KEY_TOPIC));
    Set<UUID> users = uuids(changes.of(AccountTopics.USER));
    Set<UUID> accountIds = uuids(changes.of(AccountTopics.ACCOUNT));
    if (!users.isEmpty() || !accountIds.isEmpty()) {
      invalidate(users, accountIds);
    }
  }

  @EventListener
  void on(ApiKeyCreated event) {
    // A key created on this node may have been looked up (and found unknown) moments before.
    cache.invalidate(event.accessKey());
  }

  private static Set<UUID> uuids(Set<String> subjects) {
    Set<UUID> ids = new HashSet<>();
    for (String subject : subjects) {
      try {
        ids.add(UUID.fromString(subject));
      } catch (IllegalArgumentException e) {
        // not an id: names nothing cached here
      }
    }
    return ids;
  }

  private void invalidate(Set<UUID> users, Set<UUID> accountIds) {
    cache
        .asMap()
        .values()
        .removeIf(v -> v.isPresent() && affected(v.get().key(), users, accountIds));
  }

  private static boolean affected(VerifiedKey key, Set<UUID> users, Set<UUID> accountIds) {
    return users.contains(key.userId())
        || accountIds.contains(key.accountId())
        || (key.companyId() != null && accountIds.contains(key.companyId()));
  }

  private Optional<ResolvedKey> load(String accessKey) {
    return keys.findSealed(accessKey).map(resolver::resolve);
  }

  /** The cached entry's key, if any, without loading it: for tests of the cache itself. */
  @Nullable VerifiedKey cached(String accessKey) {
    Optional<ResolvedKey> entry = cache.getIfPresent(accessKey);
    return entry == null ? null : entry.map(ResolvedKey::key).orElse(null);
  }
}
