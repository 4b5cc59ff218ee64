package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An alias was created. */
public record AliasCreated(
    Actor actor, UUID accountId, UUID aliasId, String name, Map<String, String> diff)
    implements AuditableEvent {

  public AliasCreated {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "alias.created";
  }

  @Override
  public String target() {
    return "alias " + name;
  }
}
