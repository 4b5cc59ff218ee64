package dev.portico.authserver;

import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.User;
import java.util.Set;
import java.util.UUID;

/**
 * One resolved access token of {@link AccessTokenDirectory}'s cache: what every call checks, from
 * memory.
 */
record CachedToken(
    String authorizationId,
    UUID applicationId,
    String applicationIdText,
    String clientId,
    UUID ownerAccountId,
    boolean ownedByCompany,
    User user,
    int tokenScopeBits,
    long expiresAtMillis,
    ApiCaller caller) {

  /**
   * Whether a change names this entry: its authorization or application (revoked grants), its user,
   * or the user's company.
   */
  boolean affectedBy(Set<String> grants, Set<UUID> userIds, Set<UUID> accountIds) {
    return grants.contains(authorizationId)
        || grants.contains(applicationIdText)
        || userIds.contains(user.id())
        || (user.companyId() != null && accountIds.contains(user.companyId()));
  }
}
