package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** A user left a company (they keep their personal account). */
public record UserRemoved(
    Actor actor, UUID accountId, UUID userId, String email, Map<String, String> diff)
    implements AuditableEvent {

  public UserRemoved {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "user.removed";
  }

  @Override
  public String target() {
    return "user " + email;
  }
}
