package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** A team or an alias was created; audited as {@code team.created} or {@code alias.created}. */
public record GroupCreated(
    Actor actor,
    UUID accountId,
    GroupKind kind,
    UUID groupId,
    String name,
    Map<String, String> diff)
    implements AuditableEvent {

  public GroupCreated {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return kind.noun() + ".created";
  }

  @Override
  public String target() {
    return kind.noun() + " " + name;
  }
}
