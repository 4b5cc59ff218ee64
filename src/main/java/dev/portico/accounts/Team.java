package dev.portico.accounts;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A named set of users of one company (TEN-3). */
public record Team(UUID id, UUID accountId, String name, Set<UUID> memberIds, Instant createdAt) {

  public Team {
    memberIds = Set.copyOf(memberIds);
  }
}
