package dev.portico.accounts;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/**
 * A user who already exists was invited to join a company (TEN-6); the invitation email goes out
 * from this event.
 */
public record UserInvited(
    Actor actor,
    UUID accountId,
    UUID invitationId,
    UUID userId,
    String email,
    Map<String, String> diff)
    implements AuditableEvent {

  public UserInvited {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "invitation.sent";
  }

  @Override
  public String target() {
    return "invitation of " + email;
  }
}
