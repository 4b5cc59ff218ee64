package dev.portico.applications;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/**
 * A user granted an application External access (APP-6, OAU-5): Portico received tokens for them
 * from the app's own server. Recorded under the user's own account (their company, else their
 * personal account); the diff names the scopes, never a token.
 */
public record ExternalAccessGranted(
    Actor actor,
    UUID accountId,
    UUID userId,
    UUID applicationId,
    String applicationName,
    Map<String, String> diff)
    implements AuditableEvent {

  public ExternalAccessGranted {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "external-access.granted";
  }

  @Override
  public String target() {
    return "External access of " + applicationName + " (" + applicationId + ")";
  }
}
