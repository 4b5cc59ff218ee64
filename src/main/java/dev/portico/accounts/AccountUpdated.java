package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An account's plan, allocation or domain was changed. */
public record AccountUpdated(Actor actor, UUID accountId, String name, Map<String, String> diff)
    implements AuditableEvent {

  public AccountUpdated {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "account.updated";
  }

  @Override
  public String target() {
    return "account " + name;
  }
}
