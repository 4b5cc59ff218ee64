package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** A team or an alias was deleted; audited as {@code team.deleted} or {@code alias.deleted}. */
public record GroupDeleted(
    Actor actor,
    UUID accountId,
    GroupKind kind,
    UUID groupId,
    String name,
    Map<String, String> diff)
    implements AuditableEvent {

  public GroupDeleted {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return kind.noun() + ".deleted";
  }

  @Override
  public String target() {
    return kind.noun() + " " + name;
  }
}
