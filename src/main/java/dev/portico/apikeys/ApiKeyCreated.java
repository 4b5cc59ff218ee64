package dev.portico.apikeys;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An API key was created; never carries its secret. */
public record ApiKeyCreated(
    Actor actor,
    UUID accountId,
    UUID keyId,
    UUID userId,
    String name,
    String accessKey,
    Map<String, String> diff)
    implements AuditableEvent {

  public ApiKeyCreated {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "apikey.created";
  }

  @Override
  public String target() {
    return "API key " + name + " (" + accessKey + ")";
  }
}
