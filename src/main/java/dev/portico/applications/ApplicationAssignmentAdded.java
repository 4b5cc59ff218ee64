package dev.portico.applications;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/**
 * An application was shared with a user, team or alias of its company (SHR-1).
 *
 * @param targetName the user's email, or the team's or alias's name
 */
public record ApplicationAssignmentAdded(
    Actor actor,
    UUID accountId,
    UUID applicationId,
    String applicationName,
    String clientId,
    AssignmentKind kind,
    UUID targetId,
    String targetName,
    Map<String, String> diff)
    implements AuditableEvent {

  public ApplicationAssignmentAdded {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "application.assignment-added";
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
