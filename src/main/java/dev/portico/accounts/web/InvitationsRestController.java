package dev.portico.accounts.web;

import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountRef;
import dev.portico.accounts.Actors;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.InvitationManagement;
import dev.portico.accounts.User;
import dev.portico.system.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitations to join a company over REST (TEN-6): a company's admins and the operator list and
 * withdraw its pending invitations; the invitee lists, accepts and declines their own. Anything
 * else answers 404.
 */
@RestController
@Tag(name = "Invitations", description = "Invitations of existing users to join a company")
class InvitationsRestController {

  private final InvitationManagement invitations;
  private final AccountAccess access;
  private final Clock clock;

  InvitationsRestController(InvitationManagement invitations, AccountAccess access, Clock clock) {
    this.invitations = invitations;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/api/accounts/{accountId}/invitations")
  @Operation(summary = "List the company's pending invitations (admins, operator)")
  ResultPage<InvitationBody> listInvitations(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size) {
    UUID companyId = access.requireCompanyAdmin(caller, accountId).id();
    return invitations
        .pending(companyId, new ResultPage.Request(page, size))
        .map(i -> InvitationBody.of(i, clock.instant(), caller));
  }

  @GetMapping("/api/accounts/{accountId}/invitations/{invitationId}")
  @Operation(summary = "Read an invitation of the company, in any state (admins, operator)")
  InvitationBody showInvitation(
      ApiCaller caller, @PathVariable AccountRef accountId, @PathVariable UUID invitationId) {
    UUID companyId = access.requireCompanyAdmin(caller, accountId).id();
    return InvitationBody.of(
        invitations.invitation(companyId, invitationId), clock.instant(), caller);
  }

  @DeleteMapping("/api/accounts/{accountId}/invitations/{invitationId}")
  @Operation(
      summary = "Withdraw a pending invitation (admins, operator)",
      description = "An invitation that was already answered, withdrawn or expired answers 409.")
  ResponseEntity<Void> withdrawInvitation(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @PathVariable UUID invitationId,
      HttpServletRequest request) {
    UUID companyId = access.requireCompanyAdmin(caller, accountId).id();
    invitations.withdraw(Actors.of(caller, request), companyId, invitationId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/users/me/invitations")
  @Operation(summary = "List the invitations waiting for the caller's answer")
  List<InvitationBody> myInvitations(ApiCaller caller) {
    return invitations.received(caller.userId()).stream()
        .map(r -> InvitationBody.of(r.invitation(), clock.instant(), caller))
        .toList();
  }

  @PostMapping("/api/users/me/invitations/{invitationId}/accept")
  @Operation(
      summary = "Accept an invitation: join the company",
      description =
          "The caller joins with the role and license the admin chose. 409 when they already"
              + " belong to a company, or the invitation is no longer pending.")
  UsersRestController.UserBody acceptInvitation(
      ApiCaller caller, @PathVariable UUID invitationId, HttpServletRequest request) {
    User joined = invitations.accept(Actors.of(caller, request), caller.userId(), invitationId);
    return UsersRestController.UserBody.of(joined, caller);
  }

  @PostMapping("/api/users/me/invitations/{invitationId}/decline")
  @Operation(summary = "Decline an invitation")
  ResponseEntity<Void> declineInvitation(
      ApiCaller caller, @PathVariable UUID invitationId, HttpServletRequest request) {
    invitations.decline(Actors.of(caller, request), caller.userId(), invitationId);
    return ResponseEntity.noContent().build();
  }
}
