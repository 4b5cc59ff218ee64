package dev.portico.accounts.web;

import dev.portico.accounts.Invitation;
import dev.portico.accounts.InvitationState;
import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * An invitation as the REST API shows it (SPEC TEN-6: {@code id, email, role, license, state,
 * expiresAt}); the invitee also sees the inviting company.
 */
record InvitationBody(
    UUID id,
    UUID accountId,
    String email,
    Role role,
    License license,
    InvitationState state,
    Instant createdAt,
    Instant expiresAt) {

  static InvitationBody of(Invitation i, Instant now) {
    return new InvitationBody(
        i.id(),
        i.accountId(),
        i.email(),
        i.role(),
        i.license(),
        i.stateAt(now),
        i.createdAt(),
        i.expiresAt());
  }
}
