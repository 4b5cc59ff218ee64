package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** A user was created or added to a company. */
public record UserAdded(
    Actor actor, UUID accountId, UUID userId, String email, Map<String, String> diff)
    implements AuditableEvent {

  public UserAdded {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "user.added";
  }

  @Override
  public String target() {
    return "user " + email;
  }
}
