package dev.portico.authserver;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountTopics;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDirectory;
import dev.portico.applications.ApplicationManagement;
import dev.portico.authserver.internal.AccessTokens;
import dev.portico.authserver.internal.TokenHashes;
import dev.portico.system.ChangeFeed;
import dev.portico.system.ChangeSubscriber;
import dev.portico.system.ChangedSubjects;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Verifies Bearer access tokens on {@code /api/**} (API-1) where they live, and returns the caller
 * they act for: the gateway hands over the presented token and gets back an {@link ApiCaller}
 * (credential {@code BEARER}, the app's client id, the token's scopes).
 *
 * <p>Tokens are looked up by their SHA-256 in a bounded in-memory cache (token hash → the grant:
 * authorization id, application, a snapshot of the user, scopes, expiry, whether a company owns the
 * application), so in the steady state a call never waits on the database. Every call still checks,
 * from memory: the expiry; that the application still exists ({@link
 * ApplicationDirectory#byClientId}, cached for 5 s) and who owns it; {@link GrantPolicy} (user
 * suspended, assignment gone, SHR-3); and narrows the token's scopes to the application's current
 * ones. Unknown tokens are remembered for a second, so floods of them cost few database reads.
 *
 * <p>What keeps the entries current is the {@link ChangeFeed}: a revoked grant (topic {@value
 * #GRANT_TOPIC}: authorization ids, or an application id for all of its grants), a changed user
 * ({@code user}) or a renamed company ({@code account}) drops the entries they name on every node
 * within about {@code portico.system.change-poll-interval}, and on the node of the change at once.
 * A regenerated client secret changes nothing here: tokens already issued keep working.
 */
@Component
public class AccessTokenDirectory implements ChangeSubscriber {

  /**
   * The {@link ChangeFeed} topic of grants: the authorization with this id (or every authorization
   * of the application with this id) was revoked.
   */
  public static final String GRANT_TOPIC = "grant";

  /** The longest a token stays cached; the change feed drops it long before when it changes. */
  static final Duration CACHE_EXPIRY = Duration.ofMinutes(10);

  private static final Set<String> TOPICS =
      Set.of(GRANT_TOPIC, AccountTopics.USER, AccountTopics.ACCOUNT);
  private static final long UNKNOWN_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final int MAX_TOKEN_LENGTH = 1024;

  private final ApplicationDirectory applications;
  private final GrantPolicy policy;
  private final Clock clock;
  private final LoadingCache<String, Optional<CachedToken>> cache;

  @Autowired
  AccessTokenDirectory(
      AccessTokens tokens,
      ApplicationDirectory applications,
      ApplicationManagement applicationManagement,
      UserManagement users,
      AccountManagement accounts,
      GrantPolicy policy,
      Clock clock) {
    this(
        tokens,
        applications,
        applicationManagement,
        users,
        accounts,
        policy,
        clock,
        Ticker.systemTicker());
  }

  AccessTokenDirectory(
      AccessTokens tokens,
      ApplicationDirectory applications,
      ApplicationManagement applicationManagement,
      UserManagement users,
      AccountManagement accounts,
      GrantPolicy policy,
      Clock clock,
      Ticker ticker) {
    this.applications = applications;
    this.policy = policy;
    this.clock = clock;
    CachedTokenLoader loader =
        new CachedTokenLoader(tokens, applicationManagement, users, accounts, policy, clock);
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .ticker(ticker)
            .expireAfter(new TokenExpiry())
            .build(loader::load);
  }

  /**
   * The caller of this access token, or empty when no such token is stored (unknown, garbled,
   * revoked at the token endpoint, or expired before it was first seen here).
   *
   * @throws AccessTokenRefused when the token is known but opens nothing any more
   */
  public Optional<ApiCaller> authenticate(String token) {
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    String hash = TokenHashes.sha256Hex(token);
    CachedToken cached = cache.get(hash).orElse(null);
    if (cached == null) {
      return Optional.empty();
    }
    if (clock.millis() >= cached.expiresAtMillis()) {
      throw new AccessTokenRefused(AccessTokenRefused.Reason.EXPIRED);
    }
    Application app = applications.byClientId(cached.clientId()).orElse(null);
    if (app == null || !app.id().equals(cached.applicationId())) {
      throw new AccessTokenRefused(AccessTokenRefused.Reason.APPLICATION_GONE);
    }
    if (!app.ownerAccountId().equals(cached.ownerAccountId())) {
      // The application changed hands (OWN-4) and the change feed has not reached this node yet:
      // the entry is reloaded now, so that this very call is charged to the new owner.
      cache.invalidate(hash);
      cached = cache.get(hash).orElse(null);
      if (cached == null) {
        return Optional.empty();
      }
    }
    boolean ownedByCompany =
        app.ownerAccountId().equals(cached.ownerAccountId())
            ? cached.ownedByCompany()
            : policy.ownedByCompany(app);
    if (policy.refusal(cached.user(), app, ownedByCompany).isPresent()) {
      throw new AccessTokenRefused(
          cached.user().isActive()
              ? AccessTokenRefused.Reason.NOT_ALLOWED
              : AccessTokenRefused.Reason.INACTIVE_USER);
    }
    int bits = cached.tokenScopeBits() & app.scopeBits();
    ApiCaller caller = cached.caller();
    return Optional.of(bits == caller.scopeBits() ? caller : withScopes(caller, bits));
  }

  @Override
  public Set<String> topics() {
    return TOPICS;
  }

  /**
   * Drops the entries of the authorizations or applications whose grants were revoked, of the users
   * who changed and of the members of the companies that were renamed.
   */
  @Override
  public void changed(ChangedSubjects changes) {
    Set<String> grants = changes.of(GRANT_TOPIC);
    Set<UUID> userIds = uuids(changes.of(AccountTopics.USER));
    Set<UUID> accountIds = uuids(changes.of(AccountTopics.ACCOUNT));
    cache
        .asMap()
        .values()
        .removeIf(
            entry -> entry.isPresent() && entry.get().affectedBy(grants, userIds, accountIds));
  }

  /** Whether this node holds the token (found or unknown) in its cache: for tests of the cache. */
  boolean cached(String token) {
    return cache.getIfPresent(TokenHashes.sha256Hex(token)) != null;
  }

  private static ApiCaller withScopes(ApiCaller c, int bits) {
    return new ApiCaller(
        c.userId(),
        c.email(),
        c.name(),
        c.light(),
        c.role(),
        c.accountId(),
        c.companyId(),
        c.companyName(),
        bits,
        c.operator(),
        c.credential(),
        c.keyId(),
        c.clientId(),
        c.applicationId());
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

  /** Found tokens live until their expiry, at most {@link #CACHE_EXPIRY}; unknown ones a second. */
  private final class TokenExpiry implements Expiry<String, Optional<CachedToken>> {

    @Override
    public long expireAfterCreate(String key, Optional<CachedToken> value, long now) {
      if (value.isEmpty()) {
        return UNKNOWN_TTL_NANOS;
      }
      long remaining =
          TimeUnit.MILLISECONDS.toNanos(value.get().expiresAtMillis() - clock.millis());
      return Math.max(0, Math.min(CACHE_EXPIRY.toNanos(), remaining));
    }

    @Override
    public long expireAfterUpdate(String key, Optional<CachedToken> value, long now, long current) {
      return expireAfterCreate(key, value, now);
    }

    @Override
    public long expireAfterRead(String key, Optional<CachedToken> value, long now, long current) {
      return current;
    }
  }
}
