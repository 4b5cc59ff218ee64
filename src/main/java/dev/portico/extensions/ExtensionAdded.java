package dev.portico.extensions;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An extension was added to an application; the diff holds its fields, never the icon's bytes. */
public record ExtensionAdded(
    Actor actor,
    UUID accountId,
    UUID applicationId,
    String applicationName,
    UUID extensionId,
    String name,
    Map<String, String> diff)
    implements AuditableEvent {

  public ExtensionAdded {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "extension.added";
  }

  @Override
  public String target() {
    return "extension " + name + " of application " + applicationName;
  }
}
