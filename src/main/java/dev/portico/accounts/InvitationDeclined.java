package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** The invitee declined an invitation (TEN-6). */
public record InvitationDeclined(
    Actor actor,
    UUID accountId,
    UUID invitationId,
    UUID userId,
    String email,
    Map<String, String> diff)
    implements AuditableEvent {

  public InvitationDeclined {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "invitation.declined";
  }

  @Override
  public String target() {
    return "invitation of " + email;
  }
}
