package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** A user's role, license, state or profile was changed; {@code diff} says which. */
public record UserUpdated(
    Actor actor, UUID accountId, UUID userId, String email, Map<String, String> diff)
    implements AuditableEvent {

  public UserUpdated {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "user.updated";
  }

  @Override
  public String target() {
    return "user " + email;
  }
}
