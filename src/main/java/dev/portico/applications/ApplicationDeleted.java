package dev.portico.applications;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/**
 * An application was deleted (APP-5): its tokens, grants, extensions and assignments go with it;
 * its past usage stays.
 */
public record ApplicationDeleted(
    Actor actor,
    UUID accountId,
    UUID applicationId,
    String name,
    String clientId,
    Map<String, String> diff)
    implements AuditableEvent {

  public ApplicationDeleted {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "application.deleted";
  }

  @Override
  public String target() {
    return "application " + name + " (" + clientId + ")";
  }
}
