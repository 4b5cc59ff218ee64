package dev.portico.extensions;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/**
 * An extension of an application changed; the diff holds the fields that changed (the icon only as
 * set, replaced or removed).
 */
public record ExtensionUpdated(
    Actor actor,
    UUID accountId,
    UUID applicationId,
    String applicationName,
    UUID extensionId,
    String name,
    Map<String, String> diff)
    implements AuditableEvent {

  public ExtensionUpdated {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "extension.updated";
  }

  @Override
  public String target() {
    return "extension " + name + " of application " + applicationName;
  }
}
