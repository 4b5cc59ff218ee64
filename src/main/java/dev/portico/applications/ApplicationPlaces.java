package dev.portico.applications;

import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.User;
import dev.portico.system.NotFound;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Resolves the {@link ApplicationPlace} of an app page for the signed-in user: {@link NotFound} (a
 * 404 page) when they may not see the app, or when the tab needs a manager and they are only an
 * editor.
 */
@Component
public class ApplicationPlaces {

  private final ApplicationAccess access;
  private final AccountManagement accounts;

  ApplicationPlaces(ApplicationAccess access, AccountManagement accounts) {
    this.access = access;
    this.accounts = accounts;
  }

  /** For the tabs an editor may open too: Details, Settings, Permissions, Extensions. */
  public ApplicationPlace forEditor(User me, UUID applicationId) {
    AccessibleApplication found = access.require(me, applicationId);
    return new ApplicationPlace(
        found.application(),
        accounts.account(found.application().ownerAccountId()).orElseThrow(),
        found.role());
  }

  /** For everything else: Keys and secret, Platform and External OAuth, Users, deletion. */
  public ApplicationPlace forManager(User me, UUID applicationId) {
    ApplicationPlace place = forEditor(me, applicationId);
    if (!place.manager()) {
      throw new NotFound("Application");
    }
    return place;
  }
}
