package dev.portico.apikeys;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An API key was deleted: it stops working on every node within the cache expiry. */
public record ApiKeyDeleted(
    Actor actor,
    UUID accountId,
    UUID keyId,
    UUID userId,
    String name,
    String accessKey,
    Map<String, String> diff)
    implements AuditableEvent {

  public ApiKeyDeleted {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "apikey.deleted";
  }

  @Override
  public String target() {
    return "API key " + name + " (" + accessKey + ")";
  }
}
