package dev.portico.accounts.web;

import dev.portico.accounts.InvitationManagement;
import dev.portico.accounts.User;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My account → Invitations (TEN-6): the invitations to join a company that wait for the signed-in
 * user's answer, with Accept and Decline. Invitations of other users answer 404.
 */
@Controller
@RequestMapping("/my/invitations")
class MyInvitationsController {

  private final InvitationManagement invitations;

  MyInvitationsController(InvitationManagement invitations) {
    this.invitations = invitations;
  }

  @GetMapping
  String showInvitations(User me, Model model) {
    model.addAttribute("received", invitations.received(me.id()));
    return "accounts/invitations";
  }

  @PostMapping("/{invitationId}/accept")
  String processAcceptance(
      User me, Actor actor, @PathVariable UUID invitationId, RedirectAttributes redirect) {
    try {
      User joined = invitations.accept(actor, me.id(), invitationId);
      redirect.addFlashAttribute(
          "flash", "You joined the company as " + joined.role() + ". Welcome!");
    } catch (Conflict e) {
      redirect.addFlashAttribute("flash", e.getMessage());
    }
    return "redirect:/my/invitations";
  }

  @PostMapping("/{invitationId}/decline")
  String processDecline(
      User me, Actor actor, @PathVariable UUID invitationId, RedirectAttributes redirect) {
    try {
      invitations.decline(actor, me.id(), invitationId);
      redirect.addFlashAttribute("flash", "Invitation declined.");
    } catch (Conflict e) {
      redirect.addFlashAttribute("flash", e.getMessage());
    }
    return "redirect:/my/invitations";
  }
}
