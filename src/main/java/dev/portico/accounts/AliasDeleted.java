package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An alias was deleted. */
public record AliasDeleted(
    Actor actor, UUID accountId, UUID aliasId, String name, Map<String, String> diff)
    implements AuditableEvent {

  public AliasDeleted {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "alias.deleted";
  }

  @Override
  public String target() {
    return "alias " + name;
  }
}
