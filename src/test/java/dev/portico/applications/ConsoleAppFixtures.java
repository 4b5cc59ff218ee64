package dev.portico.applications;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.system.Actor;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Registered apps for the console tests: a valid draft with a unique primary format, registered
 * through the real service.
 */
@Component
public class ConsoleAppFixtures {

  private final ApplicationManagement management;

  ConsoleAppFixtures(ApplicationManagement management) {
    this.management = management;
  }

  /** A valid registration with a primary format no other test uses. */
  public static ApplicationDraft draft(String name) {
    return draft(name, false, List.of(), null);
  }

  public static ApplicationDraft draft(
      String name, boolean collaboration, List<String> collaborators, UUID adminTeamId) {
    return new ApplicationDraft(
        name,
        uniqueFormat(),
        "Shows " + name + " to its users.",
        List.of("https://app.example.com/callback"),
        ApplicationType.INTEGRATED_CLOUD,
        null,
        collaboration,
        Set.of(Scope.OAuth2Read),
        adminTeamId,
        collaborators);
  }

  public static String uniqueFormat() {
    return "com.example.t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Registers the app for the owner, as this user did. */
  public Application register(User by, UUID ownerAccountId, String name) {
    return register(by, ownerAccountId, draft(name));
  }

  public Application register(User by, UUID ownerAccountId, ApplicationDraft draft) {
    Actor actor = new Actor(by.id(), by.email(), by.operator(), null);
    return management.register(actor, ownerAccountId, draft).application();
  }
}
