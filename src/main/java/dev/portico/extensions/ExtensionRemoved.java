package dev.portico.extensions;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An extension was removed from its application. */
public record ExtensionRemoved(
    Actor actor,
    UUID accountId,
    UUID applicationId,
    String applicationName,
    UUID extensionId,
    String name,
    Map<String, String> diff)
    implements AuditableEvent {

  public ExtensionRemoved {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "extension.removed";
  }

  @Override
  public String target() {
    return "extension " + name + " of application " + applicationName;
  }
}
