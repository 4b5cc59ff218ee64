package dev.portico.applications;

import dev.portico.accounts.GroupDraft;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.system.Actor;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Applications, teams and aliases for the sharing tests, each with unique names. */
@Component
public class SharingFixtures {

  private final ApplicationManagement applications;
  private final GroupManagement groups;

  public SharingFixtures(ApplicationManagement applications, GroupManagement groups) {
    this.applications = applications;
    this.groups = groups;
  }

  /** An application of the account, registered by this user (in the console, as an actor). */
  public Application register(User by, UUID ownerAccountId) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    ApplicationDraft draft =
        new ApplicationDraft(
            "Shared " + tag,
            "com.example.shared-" + tag,
            "An app to share",
            List.of("https://app.example.com/callback"),
            ApplicationType.INTEGRATED_CLOUD,
            null,
            false,
            Set.of(Scope.OAuth2Read),
            null,
            List.of());
    return applications.register(actor(by), ownerAccountId, draft).application();
  }

  public UUID team(UUID companyId, User... members) {
    return groups
        .create(
            Actor.SYSTEM, GroupKind.TEAM, companyId, GroupDraft.team(name("Team"), ids(members)))
        .id();
  }

  public UUID alias(UUID companyId, Set<UUID> teamIds, User... members) {
    return groups
        .create(
            Actor.SYSTEM,
            GroupKind.ALIAS,
            companyId,
            new GroupDraft(name("alias"), ids(members), teamIds))
        .id();
  }

  public static Actor actor(User user) {
    return new Actor(user.id(), user.email(), user.operator(), "127.0.0.1");
  }

  private static Set<UUID> ids(User... users) {
    return java.util.Arrays.stream(users)
        .map(User::id)
        .collect(java.util.stream.Collectors.toSet());
  }

  private static String name(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }
}
