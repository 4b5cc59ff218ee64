package dev.portico.applications.web;

import dev.portico.accounts.Scope;
import dev.portico.applications.ApplicationSummary;
import java.util.List;

/** A line of an OAuth applications table: the app and the name of the account that owns it. */
public record ApplicationRow(ApplicationSummary app, String ownerName) {

  /** The app's scopes in their usual order, for display. */
  public List<Scope> scopes() {
    return app.scopes().stream().sorted().toList();
  }

  /** The app's pages; the Details tab. */
  public String link() {
    return "/developer/oauth-applications/" + app.id();
  }
}
