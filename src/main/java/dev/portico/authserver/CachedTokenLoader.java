package dev.portico.authserver;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.authserver.internal.AccessTokens;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link CachedToken} of a token hash for {@link AccessTokenDirectory} on a cache miss:
 * the stored token if still usable, its application and user as of now, and the caller it acts for.
 * The one place of the Bearer path that reads the database.
 */
final class CachedTokenLoader {

  private final AccessTokens tokens;
  private final ApplicationManagement applications;
  private final UserManagement users;
  private final AccountManagement accounts;
  private final GrantPolicy policy;
  private final Clock clock;

  CachedTokenLoader(
      AccessTokens tokens,
      ApplicationManagement applications,
      UserManagement users,
      AccountManagement accounts,
      GrantPolicy policy,
      Clock clock) {
    this.tokens = tokens;
    this.applications = applications;
    this.users = users;
    this.accounts = accounts;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * The entry of this token hash, or empty when no usable token (of a live app and user) has it.
   */
  Optional<CachedToken> load(String hash) {
    AccessTokens.Stored stored = tokens.findUsable(hash, clock.instant()).orElse(null);
    if (stored == null || stored.expiresAt() == null) {
      return Optional.empty();
    }
    UUID applicationId = uuid(stored.registeredClientId());
    UUID userId = uuid(stored.principalName());
    if (applicationId == null || userId == null) {
      return Optional.empty();
    }
    Application app = applications.application(applicationId).orElse(null);
    User user = users.user(userId).orElse(null);
    if (app == null || user == null) {
      return Optional.empty();
    }
    int tokenBits = scopeBits(stored.scopes());
    return Optional.of(
        new CachedToken(
            stored.authorizationId(),
            app.id(),
            app.id().toString(),
            app.clientId(),
            app.ownerAccountId(),
            policy.ownedByCompany(app),
            user,
            tokenBits,
            stored.expiresAt().toEpochMilli(),
            caller(user, app, tokenBits & app.scopeBits())));
  }

  /**
   * The caller: the user's snapshot, its calls charged to the application's owner account, not to
   * the end user (USE-3). Never the operator: operator powers come only with a key of the
   * operator's own personal account.
   */
  private ApiCaller caller(User user, Application app, int scopeBits) {
    UUID companyId = user.companyId();
    String companyName =
        companyId == null ? null : accounts.account(companyId).map(Account::name).orElse(null);
    return new ApiCaller(
        user.id(),
        user.email(),
        user.name(),
        user.isLight(),
        user.role(),
        app.ownerAccountId(),
        companyId,
        companyName,
        scopeBits,
        false,
        ApiCaller.Credential.BEARER,
        null,
        app.clientId(),
        app.id());
  }

  private static int scopeBits(@Nullable String scopes) {
    if (scopes == null || scopes.isBlank()) {
      return 0;
    }
    Set<Scope> parsed = new HashSet<>();
    for (String name : scopes.split(" ")) {
      Scope.parse(name).ifPresent(parsed::add);
    }
    return Scope.bits(parsed);
  }

  private static @Nullable UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
