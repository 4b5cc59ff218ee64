package dev.portico.applications;

import java.util.Set;
import java.util.UUID;

/**
 * What removing one assignment did (SHR-1, SHR-3).
 *
 * @param targetName the user's email, or the team's or alias's name
 * @param lostAccessUserIds the users who may no longer use the application because of it
 */
public record AssignmentRemoval(
    AssignmentKind kind, UUID targetId, String targetName, Set<UUID> lostAccessUserIds) {

  public AssignmentRemoval {
    lostAccessUserIds = Set.copyOf(lostAccessUserIds);
  }

  /** "Removed team Engineering (2 users lost access).", as the console says it. */
  public String message() {
    int lost = lostAccessUserIds.size();
    return "Removed "
        + kind.noun()
        + " "
        + targetName
        + (lost == 0 ? "" : " (" + AssignmentKind.USER.count(lost) + " lost access)")
        + ".";
  }
}
