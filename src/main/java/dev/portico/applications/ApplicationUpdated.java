package dev.portico.applications;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/**
 * An application's settings, permissions, Platform or External OAuth changed; the diff holds no
 * secret. {@code scopesWidened}: grants must be consented again (APP-4).
 */
public record ApplicationUpdated(
    Actor actor,
    UUID accountId,
    UUID applicationId,
    String name,
    String clientId,
    boolean scopesWidened,
    Map<String, String> diff)
    implements AuditableEvent {

  public ApplicationUpdated {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "application.updated";
  }

  @Override
  public String target() {
    return "application " + name + " (" + clientId + ")";
  }
}
