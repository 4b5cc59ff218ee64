package dev.portico.applications;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An application changed hands (OWN-1): the audit trail records it under the old owner, whose
 * account it left; the diff says {@code owner: old → new}. The new owner's admins (the individual,
 * for a personal account) are told (OWN-3).
 *
 * @param accountId the old owner
 * @param newOwnerAccountId the new owner
 * @param transferredAt when: tells two transfers of one app apart (one email per transfer, however
 *     often the event is delivered)
 */
public record OwnershipTransferred(
    Actor actor,
    UUID accountId,
    UUID newOwnerAccountId,
    UUID applicationId,
    String name,
    String clientId,
    Instant transferredAt,
    Map<String, String> diff)
    implements AuditableEvent {

  public OwnershipTransferred {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "application.transferred";
  }

  @Override
  public String target() {
    return "application " + name + " (" + clientId + ")";
  }
}
