package dev.portico.authserver;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Authorizations were revoked: every code and token they held stops working (OAU-3 reuse detection,
 * OAU-5 Revoke, SHR-3, APP-5). Published in the transaction that deleted them, so that listeners
 * (the Bearer cache's change feed, the consent store) act in the same transaction.
 *
 * @param applicationId the application whose grants these were
 * @param userId the user whose grants these were; {@code null}: every user's (the app was deleted)
 * @param authorizationIds the ids of the deleted authorizations (empty when none existed)
 * @param wholeGrant whether the user's whole grant to the app ended (consent forgotten too), as
 *     opposed to one authorization (one token family, refresh reuse)
 */
public record GrantsRevoked(
    UUID applicationId, @Nullable UUID userId, Set<String> authorizationIds, boolean wholeGrant) {

  public GrantsRevoked {
    authorizationIds = Set.copyOf(authorizationIds);
  }
}
