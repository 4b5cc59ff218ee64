package dev.portico.applications;

import dev.portico.accounts.Scope;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of an applications list (APP-7): what the table shows, read in one query. */
public record ApplicationSummary(
    UUID id,
    UUID ownerAccountId,
    String name,
    ApplicationType type,
    String clientId,
    Set<Scope> scopes,
    Instant createdAt,
    @Nullable UUID createdBy) {

  public ApplicationSummary {
    scopes = Set.copyOf(scopes);
  }
}
