package dev.portico.accounts.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
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

  NavigationAdvice(AccountManagement management) {
    this.management = management;
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
    return new Navigation(me, company, admin, me.operator());
  }

  /**
   * What the layout shows: who is signed in, their company, and which sections they may open.
   *
   * @param companyAdmin whether "Company settings" is shown
   */
  record Navigation(User me, @Nullable Account company, boolean companyAdmin, boolean operator) {}
}
