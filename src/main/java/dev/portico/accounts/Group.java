package dev.portico.accounts;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A team or an alias of one company (TEN-3): a named set of its users and, for an alias only, of
 * its teams.
 *
 * @param teamIds the teams an alias holds; always empty for a team
 */
public record Group(
    UUID id,
    UUID accountId,
    GroupKind kind,
    String name,
    Set<UUID> memberIds,
    Set<UUID> teamIds,
    Instant createdAt) {

  public Group {
    memberIds = Set.copyOf(memberIds);
    teamIds = Set.copyOf(teamIds);
    if (!kind.holdsTeams() && !teamIds.isEmpty()) {
      throw new IllegalArgumentException("a " + kind.noun() + " cannot hold teams");
    }
  }

  /** The same group with another name, members and teams, as a draft describes them. */
  public Group with(GroupDraft draft) {
    return new Group(
        id, accountId, kind, draft.name().strip(), draft.memberIds(), draft.teamIds(), createdAt);
  }
}
