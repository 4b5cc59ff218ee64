package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An admin withdrew a pending invitation (TEN-6). */
public record InvitationWithdrawn(
    Actor actor,
    UUID accountId,
    UUID invitationId,
    UUID userId,
    String email,
    Map<String, String> diff)
    implements AuditableEvent {

  public InvitationWithdrawn {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "invitation.withdrawn";
  }

  @Override
  public String target() {
    return "invitation of " + email;
  }
}
