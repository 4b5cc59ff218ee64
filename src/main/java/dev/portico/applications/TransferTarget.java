package dev.portico.applications;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whom an application is transferred to (OWN-1): a person (their personal account) or a
 * company-type account; exactly one of the two.
 */
public record TransferTarget(@Nullable UUID toUserId, @Nullable UUID toAccountId) {

  public static TransferTarget person(UUID userId) {
    return new TransferTarget(userId, null);
  }

  public static TransferTarget company(UUID accountId) {
    return new TransferTarget(null, accountId);
  }
}
