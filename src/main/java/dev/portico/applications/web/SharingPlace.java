package dev.portico.applications.web;

import dev.portico.accounts.Account;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationPlace;
import org.jspecify.annotations.Nullable;

/**
 * Where a sharing panel is shown: under Company settings → Developer → Applications → app, or on
 * the app's own Users tab ({@code tab} set). Both show the same panel, whose forms post under
 * {@code base}.
 */
record SharingPlace(Application app, Account owner, String base, @Nullable ApplicationPlace tab) {

  /** The template of the page around the panel. */
  public String page() {
    return tab == null ? "applications/shared-application" : "applications/users";
  }

  /** Company settings → Developer → Applications. */
  public String list() {
    return "/accounts/" + owner.id() + "/developer/applications";
  }

  public String developer() {
    return "/accounts/" + owner.id() + "/developer";
  }

  /** The app's own pages (Details). */
  public String appPage() {
    return "/developer/oauth-applications/" + app.id();
  }
}
