package dev.portico.applications;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.system.Actor;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Registers applications for the tests of the Keys, Platform/External OAuth and Extensions tabs.
 */
final class ManagerTabsFixtures {

  private ManagerTabsFixtures() {}

  static Actor actor(User user) {
    return new Actor(user.id(), user.email(), user.operator(), "127.0.0.1");
  }

  /** A Connected Cloud App of the owner account, registered by the user. */
  static IssuedApplication register(
      ApplicationManagement management, User by, UUID ownerAccountId, String... collaborators) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    ApplicationDraft draft =
        new ApplicationDraft(
            "Tab app " + tag,
            "com.example.tabs-" + tag,
            "An app whose tabs are under test",
            List.of("https://app-" + tag + ".example.com/callback"),
            ApplicationType.CONNECTED_CLOUD,
            null,
            collaborators.length > 0,
            Set.of(Scope.OAuth2Read),
            null,
            List.of(collaborators));
    return management.register(actor(by), ownerAccountId, draft);
  }

  static String base(Application app) {
    return "/developer/oauth-applications/" + app.id();
  }
}
