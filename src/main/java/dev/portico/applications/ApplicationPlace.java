package dev.portico.applications;

import dev.portico.accounts.Account;

/**
 * Where an application's pages are and what the signed-in user may do there: the owning account
 * (for the breadcrumbs: Company settings or My account), the OAuth applications list it belongs to,
 * and the app's own base URL, {@code /developer/oauth-applications/{id}}, under which every tab has
 * its own URL. Public, with public accessors, because the templates read it through SpEL, which
 * only calls public methods of public types.
 */
public record ApplicationPlace(Application app, Account owner, ApplicationRole role) {

  /** The base URL of the app's pages; the Details tab. */
  public String base() {
    return "/developer/oauth-applications/" + app.id();
  }

  /** The OAuth applications list of the owner. */
  public String list() {
    return owner.isCompanyType()
        ? "/accounts/" + owner.id() + "/developer/oauth-applications"
        : "/my/developer/oauth-applications";
  }

  /** The Developer page of the owner. */
  public String developer() {
    return owner.isCompanyType() ? "/accounts/" + owner.id() + "/developer" : "/my/developer";
  }

  public boolean company() {
    return owner.isCompanyType();
  }

  public boolean manager() {
    return role.manages();
  }
}
