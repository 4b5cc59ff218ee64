package dev.portico.accounts;

import java.util.Set;
import java.util.UUID;

/**
 * The teams and aliases of one company that hold a user (TEN-3): the teams they are a member of,
 * and the aliases that name them or one of those teams. What other modules need to decide whether
 * something shared with a team or alias reaches the user.
 */
public record UserGroupIds(Set<UUID> teamIds, Set<UUID> aliasIds) {

  public UserGroupIds {
    teamIds = Set.copyOf(teamIds);
    aliasIds = Set.copyOf(aliasIds);
  }
}
