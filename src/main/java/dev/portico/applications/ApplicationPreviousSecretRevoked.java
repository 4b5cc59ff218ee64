package dev.portico.applications;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/**
 * The previous client secret of an application stopped working before its overlap ended (APP-3).
 */
public record ApplicationPreviousSecretRevoked(
    Actor actor,
    UUID accountId,
    UUID applicationId,
    String name,
    String clientId,
    Map<String, String> diff)
    implements AuditableEvent {

  public ApplicationPreviousSecretRevoked {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "application.previous-secret-revoked";
  }

  @Override
  public String target() {
    return "application " + name + " (" + clientId + ")";
  }
}
