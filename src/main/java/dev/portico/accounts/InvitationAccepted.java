package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** The invitee accepted an invitation and joined the company (TEN-6). */
public record InvitationAccepted(
    Actor actor,
    UUID accountId,
    UUID invitationId,
    UUID userId,
    String email,
    Map<String, String> diff)
    implements AuditableEvent {

  public InvitationAccepted {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "invitation.accepted";
  }

  @Override
  public String target() {
    return "invitation of " + email;
  }
}
