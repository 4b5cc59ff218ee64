package dev.portico.apikeys;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserRemoved;
import dev.portico.accounts.UserUpdated;
import dev.portico.apikeys.internal.ApiKeys;
import dev.portico.apikeys.internal.SecretCipher;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the gateway verifies API-key requests against: access key → key, opened secret and the state
 * of the user it acts for, from a bounded in-memory cache. In the steady state a lookup never waits
 * on the database: entries are re-read in the background every {@code cacheRefresh} and dropped
 * after {@code cacheExpiry}, which bounds how long a deleted key, a suspended user or a user who
 * left the company still works on another node. On the node where the change happens the entry is
 * dropped at once. Unknown access keys are remembered briefly too, so floods of them cost no
 * database reads.
 */
@Component
public class ApiKeyDirectory {

  private static final long UNKNOWN_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final ApiKeys keys;
  private final SecretCipher cipher;
  private final AccountManagement accounts;
  private final UserManagement users;
  private final Clock clock;
  private final LoadingCache<String, Optional<ResolvedKey>> cache;
  private final Map<UUID, Instant> lastUsed = new ConcurrentHashMap<>();

  ApiKeyDirectory(
      ApiKeys keys,
      SecretCipher cipher,
      AccountManagement accounts,
      UserManagement users,
      ApiKeysSettings settings,
      Clock clock) {
    this.keys = keys;
    this.cipher = cipher;
    this.accounts = accounts;
    this.users = users;
    this.clock = clock;
    long expiry = settings.cacheExpiry().toNanos();
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .refreshAfterWrite(settings.cacheRefresh())
            .expireAfter(
                new Expiry<String, Optional<ResolvedKey>>() {
                  @Override
                  public long expireAfterCreate(String key, Optional<ResolvedKey> value, long now) {
                    return value.isPresent() ? expiry : UNKNOWN_TTL_NANOS;
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
   * The key with this access key, if it exists; its user may be inactive (check {@link
   * ResolvedKey#usable()}).
   */
  public Optional<ResolvedKey> lookup(String accessKey) {
    return cache.get(accessKey);
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

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(ApiKeyDeleted event) {
    cache.invalidate(event.accessKey());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(UserUpdated event) {
    invalidateUser(event.userId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(UserRemoved event) {
    invalidateUser(event.userId());
  }

  @EventListener
  void on(ApiKeyCreated event) {
    // A key created on this node may have been looked up (and found unknown) moments before.
    cache.invalidate(event.accessKey());
  }

  private void invalidateUser(UUID userId) {
    cache.asMap().values().removeIf(v -> v.isPresent() && v.get().userId().equals(userId));
  }

  private Optional<ResolvedKey> load(String accessKey) {
    return keys.findSealed(accessKey).map(this::resolve);
  }

  private ResolvedKey resolve(ApiKeys.Sealed row) {
    ApiKey key = row.key();
    User user = users.user(key.userId()).orElse(null);
    AccountType type =
        accounts.account(key.accountId()).map(a -> a.type()).orElse(AccountType.INDIVIDUAL);
    boolean belongs =
        user != null
            && (type == AccountType.INDIVIDUAL
                ? key.accountId().equals(user.personalAccountId())
                : key.accountId().equals(user.companyId()));
    byte[] secret =
        cipher.open(row.sealedSecret(), key.accessKey()).getBytes(StandardCharsets.UTF_8);
    UUID companyId = user == null ? null : user.companyId();
    String companyName =
        companyId == null ? null : accounts.account(companyId).map(a -> a.name()).orElse(null);
    return new ResolvedKey(
        key.id(),
        key.accountId(),
        key.userId(),
        user == null ? "" : user.email(),
        user == null ? "" : user.name(),
        user != null && user.isLight(),
        user == null ? null : user.role(),
        companyId,
        companyName,
        user != null && user.operator(),
        belongs && user != null && user.isActive(),
        key.scopeBits(),
        key.stackKey(),
        new SecretKeySpec(secret, "HmacSHA256"),
        secret);
  }

  /**
   * A key ready for verification.
   *
   * @param name, light, role, companyId, companyName a snapshot of the user, at most {@code
   *     cacheExpiry} old, so that built-in endpoints answer without the database
   * @param usable whether its user is active and still belongs to the key's account (KEY-3)
   * @param stackKey the stack it works on, or {@code any} for operator keys (KEY-4)
   * @param hmacKey the secret as an HMAC-SHA256 key (KEY-5)
   * @param secret the secret's bytes, for Basic comparison (KEY-6)
   */
  public record ResolvedKey(
      UUID keyId,
      UUID accountId,
      UUID userId,
      String email,
      String name,
      boolean light,
      @Nullable Role role,
      @Nullable UUID companyId,
      @Nullable String companyName,
      boolean operator,
      boolean usable,
      int scopeBits,
      String stackKey,
      SecretKeySpec hmacKey,
      byte[] secret) {

    @Override
    public String toString() {
      return "ResolvedKey[" + keyId + "]";
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof ResolvedKey other && other.keyId.equals(keyId);
    }

    @Override
    public int hashCode() {
      return keyId.hashCode();
    }
  }
}
