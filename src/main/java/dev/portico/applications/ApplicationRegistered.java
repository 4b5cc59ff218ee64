package dev.portico.applications;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An OAuth application was registered (APP-1); never carries its secret. */
public record ApplicationRegistered(
    Actor actor,
    UUID accountId,
    UUID applicationId,
    String name,
    String clientId,
    Map<String, String> diff)
    implements AuditableEvent {

  public ApplicationRegistered {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "application.registered";
  }

  @Override
  public String target() {
    return "application " + name + " (" + clientId + ")";
  }
}
