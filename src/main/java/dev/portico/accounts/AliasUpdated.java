package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An alias was renamed or its members changed. */
public record AliasUpdated(
    Actor actor, UUID accountId, UUID aliasId, String name, Map<String, String> diff)
    implements AuditableEvent {

  public AliasUpdated {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "alias.updated";
  }

  @Override
  public String target() {
    return "alias " + name;
  }
}
