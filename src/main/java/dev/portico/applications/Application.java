package dev.portico.applications;

import dev.portico.accounts.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A registered OAuth application (APP-1..4), owned by a company or an individual's personal
 * account. Carries no secret: only when the current secret was made, and the state of a regenerate
 * overlap.
 *
 * @param consentEpoch raised whenever the scopes widen: grants consented under an earlier epoch ask
 *     the user again (APP-4 Permissions)
 * @param previousSecret the previous secret's overlap, while it still works
 */
public record Application(
    UUID id,
    UUID ownerAccountId,
    String name,
    String primaryFormat,
    String summary,
    List<String> redirectUrls,
    ApplicationType type,
    @Nullable String oauthUrl,
    boolean supportsCollaboration,
    Set<Scope> scopes,
    @Nullable UUID adminTeamId,
    List<String> collaborators,
    String clientId,
    Instant secretCreatedAt,
    @Nullable PreviousSecret previousSecret,
    int consentEpoch,
    PlatformOAuth platformOAuth,
    Instant createdAt,
    @Nullable UUID createdBy,
    Instant updatedAt) {

  public Application {
    redirectUrls = List.copyOf(redirectUrls);
    scopes = Set.copyOf(scopes);
    collaborators = List.copyOf(collaborators);
  }

  public int scopeBits() {
    return Scope.bits(scopes);
  }

  /**
   * The previous secret during an overlap (APP-3): until when it works and when it was last used.
   */
  public record PreviousSecret(Instant expiresAt, @Nullable Instant lastUsedAt) {}
}
