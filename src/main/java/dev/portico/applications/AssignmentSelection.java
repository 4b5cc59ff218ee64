package dev.portico.applications;

import java.util.Set;
import java.util.UUID;

/** The users, teams and aliases of a company that a sharing request names (SHR-1). */
public record AssignmentSelection(Set<UUID> userIds, Set<UUID> teamIds, Set<UUID> aliasIds) {

  /** How many ids of each kind one request may name. */
  public static final int MAX_PER_KIND = 200;

  public AssignmentSelection {
    userIds = Set.copyOf(userIds);
    teamIds = Set.copyOf(teamIds);
    aliasIds = Set.copyOf(aliasIds);
  }

  public boolean isEmpty() {
    return userIds.isEmpty() && teamIds.isEmpty() && aliasIds.isEmpty();
  }

  public Set<UUID> ids(AssignmentKind kind) {
    return switch (kind) {
      case USER -> userIds;
      case TEAM -> teamIds;
      case ALIAS -> aliasIds;
    };
  }
}
