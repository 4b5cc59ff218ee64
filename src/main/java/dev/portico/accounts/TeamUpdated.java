package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** A team was renamed or its members changed. */
public record TeamUpdated(
    Actor actor, UUID accountId, UUID teamId, String name, Map<String, String> diff)
    implements AuditableEvent {

  public TeamUpdated {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "team.updated";
  }

  @Override
  public String target() {
    return "team " + name;
  }
}
