package dev.portico.apikeys;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.apikeys.internal.ApiKeys;
import dev.portico.apikeys.internal.ResolvedKey;
import dev.portico.system.SecretCipher;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a stored key into the entry {@link ApiKeyDirectory} caches: the key with its user's current
 * state, the powers derived from them, and its opened secret (or why this node cannot open it,
 * reported once in the log).
 */
final class ApiKeyResolver {

  // Logged under the directory's name, where operators already look for it.
  private static final Logger log = LoggerFactory.getLogger(ApiKeyDirectory.class);

  private final SecretCipher cipher;
  private final AccountManagement accounts;
  private final UserManagement users;
  private final Set<String> reportedUnavailable = ConcurrentHashMap.newKeySet();

  ApiKeyResolver(SecretCipher cipher, AccountManagement accounts, UserManagement users) {
    this.cipher = cipher;
    this.accounts = accounts;
    this.users = users;
  }

  /**
   * The key with its user's current state. Powers are derived here, not copied from the user
   * (KEY-3): only a key of the operator's own personal account is an operator key and works on
   * every stack. A company key whose user is flagged as operator is refused altogether: the
   * operator never belongs to a company (TEN-6), and checks elsewhere that go by the user would
   * otherwise give the key operator powers.
   */
  ResolvedKey resolve(ApiKeys.Sealed row) {
    ApiKey key = row.key();
    User user = users.user(key.userId()).orElse(null);
    Account account = accounts.account(key.accountId()).orElse(null);
    boolean personal = user != null && key.accountId().equals(user.personalAccountId());
    boolean member =
        user != null
            && account != null
            && account.isCompanyType()
            && key.accountId().equals(user.companyId())
            && !user.operator();
    boolean operator = user != null && personal && user.operator();
    boolean usable = user != null && (personal || member) && user.isActive();
    String stack =
        VerifiedKey.ANY_STACK.equals(key.stackKey()) && !operator ? "none" : key.stackKey();
    UUID companyId = user == null ? null : user.companyId();
    String companyName =
        companyId == null ? null : accounts.account(companyId).map(Account::name).orElse(null);
    VerifiedKey verified =
        new VerifiedKey(
            key.id(),
            key.accessKey(),
            key.accountId(),
            key.userId(),
            user == null ? "" : user.email(),
            user == null ? "" : user.name(),
            user != null && user.isLight(),
            user == null ? null : user.role(),
            companyId,
            companyName,
            operator,
            key.scopeBits(),
            stack,
            usable);
    return open(verified, row.sealedSecret());
  }

  private ResolvedKey open(VerifiedKey key, String sealedSecret) {
    try {
      return ResolvedKey.of(key, cipher.open(sealedSecret, key.accessKey()));
    } catch (SecretCipher.UnknownEncryptionKey e) {
      if (reportedUnavailable.add("id:" + e.keyId())) {
        log.error(
            "{}: requests with such keys are answered 503 until this node is configured with it"
                + " (see docs/apikeys.md, rotation)",
            e.getMessage());
      }
      return ResolvedKey.unavailable(key, ApiKeySecretUnavailable.UNKNOWN_ENCRYPTION_KEY);
    } catch (IllegalStateException e) {
      if (reportedUnavailable.add("key:" + key.accessKey())) {
        log.error(
            "The secret of API key {} cannot be opened (damaged, or sealed for another row);"
                + " requests with it are answered 503",
            key.accessKey());
      }
      return ResolvedKey.unavailable(key, ApiKeySecretUnavailable.UNREADABLE_SECRET);
    }
  }
}
