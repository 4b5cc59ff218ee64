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
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return new Navigation(me, company, admin, me.operator(), mayDevelop(me), invitations, path);
  }

  /**
   * Whether the user has My account → Developer (DEV-1): everyone but light users, who see no
   * developer settings.
   */
  static boolean mayDevelop(User me) {
    return !me.isLight();
  }

  /**
   * What the layout shows: who is signed in, their company, and which sections they may open.
   *
   * @param companyAdmin whether "Company settings" is shown
   * @param developer whether My account → Developer is shown
   * @param invitations how many invitations to join a company wait for an answer (TEN-6)
   * @param path the page's path, to mark the current link with {@code aria-current}
   */
  record Navigation(
      User me,
      @Nullable Account company,
      boolean companyAdmin,
      boolean operator,
      boolean developer,
      int invitations,
      String path) {

    /** {@code "page"} when the link leads to the current page, for {@code aria-current}. */
    public @Nullable String current(String href) {
      return path.equals(href) ? "page" : null;
    }
  }
}
