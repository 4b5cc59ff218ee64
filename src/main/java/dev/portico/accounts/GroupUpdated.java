package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** A team or an alias was changed; audited as {@code team.updated} or {@code alias.updated}. */
public record GroupUpdated(
    Actor actor,
    UUID accountId,
    GroupKind kind,
    UUID groupId,
    String name,
    Map<String, String> diff)
    implements AuditableEvent {

  public GroupUpdated {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return kind.noun() + ".updated";
  }

  @Override
  public String target() {
    return kind.noun() + " " + name;
  }
}
