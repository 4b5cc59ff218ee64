package dev.portico.apikeys;

import dev.portico.accounts.Scope;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An API key as lists show it: never its secret (KEY-1).
 *
 * @param accountId the account that owns the key and pays for its calls (a company or a personal
 *     account)
 * @param userId the user the key acts for (KEY-3)
 * @param stackKey the stack the key was created on (KEY-4), see {@code Stack.key()}
 */
public record ApiKey(
    UUID id,
    UUID accountId,
    UUID userId,
    String name,
    String accessKey,
    Set<Scope> scopes,
    String stackKey,
    Instant createdAt,
    @Nullable UUID createdBy,
    @Nullable Instant lastUsedAt) {

  public ApiKey {
    scopes = Set.copyOf(scopes);
  }

  public int scopeBits() {
    return Scope.bits(scopes);
  }
}
