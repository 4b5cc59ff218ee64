package dev.portico.accounts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invitation of an existing user to join a company (TEN-6). Adding an email that already belongs
 * to a user never attaches them: it creates this, and only the invitee's acceptance makes them a
 * member.
 *
 * @param accountId the inviting company
 * @param userId the invited user
 * @param email the invited email as the admin typed it
 * @param role the role the user gets on accepting
 * @param license the license the user gets on accepting
 * @param state the stored state; use {@link #stateAt(Instant)} for what it is now
 * @param invitedBy the admin (or operator) who invited, {@code null} for the system
 */
public record Invitation(
    UUID id,
    UUID accountId,
    UUID userId,
    String email,
    Role role,
    License license,
    InvitationState state,
    @Nullable UUID invitedBy,
    Instant createdAt,
    Instant expiresAt,
    @Nullable Instant answeredAt) {

  /** The state at the given time: a pending invitation past its expiry has expired. */
  public InvitationState stateAt(Instant now) {
    return state == InvitationState.PENDING && !now.isBefore(expiresAt)
        ? InvitationState.EXPIRED
        : state;
  }

  /** Whether it can still be accepted, declined or withdrawn. */
  public boolean isPendingAt(Instant now) {
    return stateAt(now) == InvitationState.PENDING;
  }

  /** This invitation, answered or withdrawn at the given time. */
  public Invitation closed(InvitationState newState, Instant at) {
    return new Invitation(
        id, accountId, userId, email, role, license, newState, invitedBy, createdAt, expiresAt, at);
  }
}
