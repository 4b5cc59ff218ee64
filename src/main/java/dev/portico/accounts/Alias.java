package dev.portico.accounts;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A named set of users and teams of one company, like a mailing list (TEN-3). */
public record Alias(
    UUID id,
    UUID accountId,
    String name,
    Set<UUID> memberIds,
    Set<UUID> teamIds,
    Instant createdAt) {

  public Alias {
    memberIds = Set.copyOf(memberIds);
    teamIds = Set.copyOf(teamIds);
  }
}
