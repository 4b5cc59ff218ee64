package dev.portico.applications.web;

import dev.portico.accounts.Account;

/**
 * Where an account's OAuth applications are listed and registered (APP-1, APP-7): Company settings
 * → Developer → OAuth applications for a company, My account → Developer → OAuth applications for a
 * personal account. Public methods: templates read them.
 */
record ApplicationListPlace(Account owner) {

  /** The list page; the registration form is {@code {list}/new}. */
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
}
