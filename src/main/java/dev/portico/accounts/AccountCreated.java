package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An account was created by the operator or at start-up. */
public record AccountCreated(Actor actor, UUID accountId, String name, Map<String, String> diff)
    implements AuditableEvent {

  public AccountCreated {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "account.created";
  }

  @Override
  public String target() {
    return "account " + name;
  }
}
