package dev.portico.accounts;

import dev.portico.accounts.internal.Accounts;
import dev.portico.accounts.internal.Invitations;
import dev.portico.accounts.internal.Users;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to join a company (TEN-6). An admin's "Add user" with an email that already belongs
 * to a user creates one; the invitee accepts or declines it in My account → Invitations (or over
 * REST), the admins see it as pending and may withdraw it, and it expires after {@code
 * invitationValidity}. Accepting checks, under the company's row lock, that the user still belongs
 * to no company and is not the operator. {@link UserInvited} is the seam for the invitation email.
 */
@Service
@Transactional
public class InvitationManagement {

  private final Accounts accounts;
  private final Users users;
  private final Invitations invitations;
  private final AccountsSettings settings;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  InvitationManagement(
      Accounts accounts,
      Users users,
      Invitations invitations,
      AccountsSettings settings,
      ApplicationEventPublisher events,
      Clock clock) {
    this.accounts = accounts;
    this.users = users;
    this.invitations = invitations;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Invites the user to the company, or returns their invitation that is still pending there. The
   * caller holds the company's row lock.
   */
  Invitation invite(
      Actor actor, Account company, User user, String email, Role role, License license) {
    Instant now = clock.instant();
    return invitations
        .findPending(company.id(), user.id(), now)
        .orElseGet(
            () -> {
              Invitation invitation =
                  new Invitation(
                      UUID.randomUUID(),
                      company.id(),
                      user.id(),
                      email,
                      role,
                      license,
                      InvitationState.PENDING,
                      actor.userId(),
                      now,
                      now.plus(settings.invitationValidity()),
                      null);
              invitations.insert(invitation);
              events.publishEvent(
                  new UserInvited(
                      actor,
                      company.id(),
                      invitation.id(),
                      user.id(),
                      email,
                      Map.of(
                          "role", role.name(),
                          "license", license.name(),
                          "expiresAt", invitation.expiresAt().toString())));
              return invitation;
            });
  }

  /** One page of the company's pending invitations, newest first. */
  @Transactional(readOnly = true)
  public ResultPage<Invitation> pending(UUID companyId, ResultPage.Request page) {
    return invitations.pendingForAccount(companyId, clock.instant(), page);
  }

  /** An invitation of the company, in any state; other companies' ids find nothing. */
  @Transactional(readOnly = true)
  public Invitation invitation(UUID companyId, UUID invitationId) {
    return invitations
        .findForAccount(companyId, invitationId)
        .orElseThrow(() -> new NotFound("Invitation"));
  }

  /** Withdraws a pending invitation of the company. */
  public void withdraw(Actor actor, UUID companyId, UUID invitationId) {
    Invitation invitation = pendingOrGone(invitation(companyId, invitationId));
    close(invitation, InvitationState.WITHDRAWN);
    events.publishEvent(
        new InvitationWithdrawn(
            actor, companyId, invitationId, invitation.userId(), invitation.email(), Map.of()));
  }

  /** The user's pending invitations, newest first, with the inviting companies. */
  @Transactional(readOnly = true)
  public List<Received> received(UUID userId) {
    return invitations.pendingForUser(userId, clock.instant()).stream()
        .map(
            i ->
                new Received(
                    i, accounts.find(i.accountId()).map(Account::name).orElse("a company")))
        .toList();
  }

  /**
   * The invitee accepts: they join the company with the role and license the admin chose, if they
   * are still in no company. Only the invitee can accept; anyone else finds nothing.
   */
  public User accept(Actor actor, UUID userId, UUID invitationId) {
    Invitation found = received(userId, invitationId);
    // the same lock as every other change of the company's members
    Account company =
        accounts
            .lock(found.accountId())
            .filter(Account::isCompanyType)
            .orElseThrow(() -> new NotFound("Invitation"));
    Invitation invitation = pendingOrGone(received(userId, invitationId));
    // and the user's row: two invitations of two companies accepted at once cannot both win
    User user = users.lock(userId).filter(User::isActive).orElseThrow(() -> new NotFound("User"));
    if (user.operator()) {
      throw new Conflict("The platform operator cannot join a company.");
    }
    if (user.companyId() != null) {
      throw new Conflict(
          "You already belong to a company. Ask its admins to remove you, then accept again.");
    }
    User joined = user.joining(company.id(), invitation.role(), invitation.license());
    users.update(joined);
    close(invitation, InvitationState.ACCEPTED);
    events.publishEvent(
        new InvitationAccepted(
            actor, company.id(), invitationId, userId, invitation.email(), Map.of()));
    events.publishEvent(
        new UserAdded(
            actor,
            company.id(),
            joined.id(),
            joined.email(),
            Map.of("role", invitation.role().name(), "license", invitation.license().name())));
    return joined;
  }

  /** The invitee declines. */
  public void decline(Actor actor, UUID userId, UUID invitationId) {
    Invitation invitation = pendingOrGone(received(userId, invitationId));
    close(invitation, InvitationState.DECLINED);
    events.publishEvent(
        new InvitationDeclined(
            actor, invitation.accountId(), invitationId, userId, invitation.email(), Map.of()));
  }

  private Invitation received(UUID userId, UUID invitationId) {
    return invitations
        .findForUser(userId, invitationId)
        .orElseThrow(() -> new NotFound("Invitation"));
  }

  private Invitation pendingOrGone(Invitation invitation) {
    if (!invitation.isPendingAt(clock.instant())) {
      throw new Conflict(
          "This invitation is "
              + invitation.stateAt(clock.instant()).name().toLowerCase(java.util.Locale.ROOT)
              + ": it can no longer be answered or withdrawn.");
    }
    return invitation;
  }

  private void close(Invitation invitation, InvitationState state) {
    if (!invitations.close(invitation.closed(state, clock.instant()))) {
      throw new Conflict("This invitation was answered or withdrawn meanwhile.");
    }
  }

  /** A pending invitation as its invitee sees it: with the name of the inviting company. */
  public record Received(Invitation invitation, String companyName) {}
}
