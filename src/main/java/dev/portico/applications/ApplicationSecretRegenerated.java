package dev.portico.applications;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An application's client secret was regenerated (APP-3); the diff says for how long the previous
 * one keeps working. The owner's admins are told (NOT-1).
 *
 * @param regeneratedAt when the new secret was made: tells two regenerations of one app apart (the
 *     notifications module sends one email per regeneration, however often the event is delivered)
 */
public record ApplicationSecretRegenerated(
    Actor actor,
    UUID accountId,
    UUID applicationId,
    String name,
    String clientId,
    Instant regeneratedAt,
    Map<String, String> diff)
    implements AuditableEvent {

  public ApplicationSecretRegenerated {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "application.secret-regenerated";
  }

  @Override
  public String target() {
    return "application " + name + " (" + clientId + ")";
  }
}
