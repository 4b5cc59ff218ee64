package dev.portico.applications;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An application is no longer shared with a user, team or alias (SHR-1, SHR-3). Listeners revoke
 * the grants of the users who lost access through it: those it reached who are not reached by
 * another assignment of the application.
 *
 * @param targetName the user's email, or the team's or alias's name
 * @param lostAccessUserIds the users who may no longer use the application because of this removal
 */
public record ApplicationAssignmentRemoved(
    Actor actor,
    UUID accountId,
    UUID applicationId,
    String applicationName,
    String clientId,
    AssignmentKind kind,
    UUID targetId,
    String targetName,
    Set<UUID> lostAccessUserIds,
    Map<String, String> diff)
    implements AuditableEvent {

  public ApplicationAssignmentRemoved {
    lostAccessUserIds = Set.copyOf(lostAccessUserIds);
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "application.assignment-removed";
  }

  @Override
  public String target() {
    return kind.noun()
        + " "
        + targetName
        + " on application "
        + applicationName
        + " ("
        + clientId
        + ")";
  }
}
