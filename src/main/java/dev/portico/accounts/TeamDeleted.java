package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** A team was deleted. */
public record TeamDeleted(
    Actor actor, UUID accountId, UUID teamId, String name, Map<String, String> diff)
    implements AuditableEvent {

  public TeamDeleted {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "team.deleted";
  }

  @Override
  public String target() {
    return "team " + name;
  }
}
