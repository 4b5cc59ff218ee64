package dev.portico.accounts.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.InvitationManagement;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the layout's navigation needs into every console page's model. */
@ControllerAdvice
class NavigationAdvice {

  private final AccountManagement management;
  private final InvitationManagement invitations;

  NavigationAdvice(AccountManagement management, InvitationManagement invitations) {
    this.management = management;
    this.invitations = invitations;
  }

  @ModelAttribute("nav")
  @Nullable Navigation navigation(HttpServletRequest request) {
    User me = ConsoleWebConfiguration.signedIn(request);
    if (me == null) {
      return null;
    }
    Account company =
        me.companyId() == null ? null : management.account(me.companyId()).orElse(null);
    boolean admin = company != null && me.role() == Role.ADMIN;
    int invitations = me.operator() ? 0 : this.invitations.received(me.id()).size();
    return new Navigation(me, company, admin, me.operator(), invitations);
  }

  /**
   * What the layout shows: who is signed in, their company, and which sections they may open.
   *
   * @param companyAdmin whether "Company settings" is shown
   * @param invitations how many invitations to join a company wait for an answer (TEN-6)
   */
  record Navigation(
      User me,
      @Nullable Account company,
      boolean companyAdmin,
      boolean operator,
      int invitations) {}
}
