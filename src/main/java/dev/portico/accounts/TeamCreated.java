package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** A team was created. */
public record TeamCreated(
    Actor actor, UUID accountId, UUID teamId, String name, Map<String, String> diff)
    implements AuditableEvent {

  public TeamCreated {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "team.created";
  }

  @Override
  public String target() {
    return "team " + name;
  }
}
