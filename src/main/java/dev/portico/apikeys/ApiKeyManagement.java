package dev.portico.apikeys;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.Scope;
import dev.portico.accounts.Stack;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.apikeys.internal.ApiKeys;
import dev.portico.system.Actor;
import dev.portico.system.ChangeFeed;
import dev.portico.system.Conflict;
import dev.portico.system.InputValidator;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import dev.portico.system.SecretCipher;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and deletes API keys (KEY-1..4). A company's keys are managed by its admins (and the
 * operator) and act for one of its current members; a user's personal keys are theirs alone, at
 * most {@code individualKeyLimit} of them. Only the operator's own personal keys work on every
 * stack; on an enterprise's stack only its members and the operator create keys (TEN-4). Every
 * deletion is also written to the change feed, in the same transaction, so that every node drops
 * the key from its cache.
 */
@Service
@Transactional
public class ApiKeyManagement {

  private static final char[] ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final int ACCESS_KEY_LENGTH = 24;
  private static final int SECRET_KEY_LENGTH = 48;

  private final ApiKeys keys;
  private final ChangeFeed changes;
  private final SecretCipher cipher;
  private final AccountManagement accounts;
  private final AccountAccess access;
  private final ApiKeyHolders holders;
  private final InputValidator validator;
  private final ApiKeysSettings settings;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiKeyManagement(
      ApiKeys keys,
      ChangeFeed changes,
      SecretCipher cipher,
      AccountManagement accounts,
      UserManagement users,
      AccountAccess access,
      InputValidator validator,
      ApiKeysSettings settings,
      ApplicationEventPublisher events,
      Clock clock) {
    this.keys = keys;
    this.changes = changes;
    this.cipher = cipher;
    this.accounts = accounts;
    this.access = access;
    this.holders = new ApiKeyHolders(users);
    this.validator = validator;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The account whose keys this user may manage: their own personal account, or a company they
   * administer (any, for the operator). Anything else is {@link NotFound}.
   */
  @Transactional(readOnly = true)
  public Account requireManageable(User me, UUID accountId) {
    if (accountId.equals(me.personalAccountId())) {
      return accounts.account(accountId).orElseThrow(() -> new NotFound("Account"));
    }
    return access.requireCompanyAdmin(me.id(), accountId);
  }

  /**
   * Creates a key on the given stack; the result holds the secret, shown once (KEY-2). The key is
   * bound to that stack, except a key of the operator's own personal account, which works on every
   * stack (KEY-4). On an enterprise's stack only the enterprise's members and the operator may
   * create keys, and only for the enterprise's members (TEN-4): anything else answers {@link
   * NotFound}, like an account one may not see.
   */
  public IssuedApiKey create(Actor actor, UUID accountId, NewApiKey spec, Stack stack) {
    validator.check(spec);
    // The lock serializes concurrent creations, so the individual cap cannot be raced, and
    // membership changes of a company (which lock it too), so the user is checked as of the write.
    Account account = accounts.lock(accountId);
    User user = holders.requireHolder(account, Objects.requireNonNull(spec.userId()));
    boolean operatorKey = ApiKeyHolders.isOperatorsOwn(user, account.id());
    holders.checkStack(actor, user, operatorKey, stack);
    if (account.type() == AccountType.INDIVIDUAL
        && keys.countForAccount(account.id()) >= settings.individualKeyLimit()) {
      throw new Conflict(
          "An individual account may hold at most "
              + settings.individualKeyLimit()
              + " active API keys. Delete one before creating another.");
    }
    String accessKey = newAccessKey();
    String secret = random(SECRET_KEY_LENGTH);
    ApiKey key =
        new ApiKey(
            UUID.randomUUID(),
            account.id(),
            user.id(),
            spec.name().strip(),
            accessKey,
            spec.scopes(),
            operatorKey ? VerifiedKey.ANY_STACK : stack.key(),
            clock.instant(),
            actor.userId(),
            null);
    keys.insert(key, cipher.seal(secret, accessKey));
    events.publishEvent(
        new ApiKeyCreated(
            actor,
            account.id(),
            key.id(),
            user.id(),
            key.name(),
            accessKey,
            Map.of("user", user.email(), "scopes", scopeNames(key), "stack", key.stackKey())));
    return new IssuedApiKey(key, secret);
  }

  /**
   * Creates the bootstrap operator key with the given access and secret key if that access key was
   * never created before (TEN-5); returns whether it was created. A bootstrap key that was deleted
   * stays deleted: the access key is remembered, so a restart with the same setting does not bring
   * it back. Safe when several nodes start at once: one of them creates it.
   */
  public boolean createIfAbsent(
      Actor actor, User operator, String name, String accessKey, String secret) {
    if (keys.accessKeyExists(accessKey) || !keys.claimBootstrapKey(accessKey, clock.instant())) {
      return false;
    }
    ApiKey key =
        new ApiKey(
            UUID.randomUUID(),
            operator.personalAccountId(),
            operator.id(),
            name,
            accessKey,
            java.util.EnumSet.allOf(Scope.class),
            VerifiedKey.ANY_STACK,
            clock.instant(),
            null,
            null);
    keys.insert(key, cipher.seal(secret, accessKey));
    events.publishEvent(
        new ApiKeyCreated(
            actor,
            key.accountId(),
            key.id(),
            operator.id(),
            name,
            accessKey,
            Map.of("user", operator.email(), "scopes", scopeNames(key), "stack", "any")));
    return true;
  }

  /**
   * Deletes a key of the account, irreversibly; it stops working everywhere within the cache
   * expiry.
   */
  public ApiKey delete(Actor actor, UUID accountId, UUID keyId) {
    ApiKey key =
        keys.find(keyId)
            .filter(k -> k.accountId().equals(accountId))
            .orElseThrow(() -> new NotFound("API key"));
    delete(actor, key, Map.of());
    return key;
  }

  /**
   * Deletes the user's keys of the company they were just removed from, in the transaction of the
   * removal: the keys act for a member, and if the same person is added again later their old keys
   * must not come back (KEY-3). Each deletion is audited like one made by hand.
   */
  public void deleteKeysOfRemovedMember(Actor actor, UUID companyId, UUID userId) {
    for (ApiKey key : keys.forUser(companyId, userId)) {
      delete(actor, key, Map.of("reason", "user removed from the company"));
    }
  }

  @Transactional(readOnly = true)
  public Optional<ApiKey> key(UUID keyId) {
    return keys.find(keyId);
  }

  /** Every key of the account, newest first. */
  @Transactional(readOnly = true)
  public List<ApiKey> keys(UUID accountId) {
    return keys.forAccount(accountId);
  }

  /** One page of the account's keys, newest first. */
  @Transactional(readOnly = true)
  public ResultPage<ApiKey> keys(UUID accountId, ResultPage.Request page) {
    return keys.forAccount(accountId, page);
  }

  /** One page of the account's keys in the given order, sorted and counted in the database. */
  @Transactional(readOnly = true)
  public ResultPage<ApiKey> keys(
      UUID accountId, ApiKeyOrder order, boolean ascending, ResultPage.Request page) {
    return keys.page(accountId, order, ascending, page);
  }

  /** How many keys the account holds, counted in the database. */
  @Transactional(readOnly = true)
  public long countKeys(UUID accountId) {
    return keys.countForAccount(accountId);
  }

  private void delete(Actor actor, ApiKey key, Map<String, String> diff) {
    keys.delete(key.id());
    changes.record(ApiKeyDirectory.KEY_TOPIC, key.accessKey());
    events.publishEvent(
        new ApiKeyDeleted(
            actor, key.accountId(), key.id(), key.userId(), key.name(), key.accessKey(), diff));
  }

  private String newAccessKey() {
    String accessKey;
    do {
      accessKey = random(ACCESS_KEY_LENGTH);
    } while (keys.accessKeyExists(accessKey));
    return accessKey;
  }

  private String random(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
    }
    return new String(out);
  }

  private static String scopeNames(ApiKey key) {
    return key.scopes().stream().map(Scope::name).sorted().collect(Collectors.joining(", "));
  }
}
