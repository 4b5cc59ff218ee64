package dev.portico.applications.internal;

import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.GroupSummary;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.ApplicationDraft;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.system.Actor;
import dev.portico.system.StartupTask;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode (§15): after the demo accounts exist, registers an app for Acme Corp (Engineering as
 * its admin team) and one for Dave, when their primary formats are not registered yet. Their
 * secrets are not kept: regenerate one on the Keys and secret tab to try the app.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("portico.demo")
class DemoApplications implements StartupTask {

  private static final Logger log = LoggerFactory.getLogger(DemoApplications.class);

  private final ApplicationManagement management;
  private final Applications applications;
  private final UserManagement users;
  private final GroupManagement groups;

  DemoApplications(
      ApplicationManagement management,
      Applications applications,
      UserManagement users,
      GroupManagement groups) {
    this.management = management;
    this.applications = applications;
    this.users = users;
    this.groups = groups;
  }

  @Override
  @Transactional
  public void run() {
    users
        .userByEmail("alice@acme.test")
        .ifPresent(
            alice -> {
              UUID acme = java.util.Objects.requireNonNull(alice.companyId());
              register(
                  acme,
                  new ApplicationDraft(
                      "Acme PLM Connector",
                      "com.acme.plm-connector",
                      "Keeps part numbers and revisions in step with Acme's PLM.",
                      List.of("https://plm.acme.test/oauth/callback", "http://localhost:3000/cb"),
                      ApplicationType.INTEGRATED_CLOUD,
                      "https://plm.acme.test/start",
                      false,
                      Set.of(Scope.OAuth2ReadPII, Scope.OAuth2Read, Scope.OAuth2Write),
                      team(acme, "Engineering"),
                      List.of()));
            });
    users
        .userByEmail("dave@example.test")
        .map(User::personalAccountId)
        .ifPresent(
            dave ->
                register(
                    dave,
                    new ApplicationDraft(
                        "STL Preview",
                        "com.example.stl-preview",
                        "Shows a 3D preview of STL exports.",
                        List.of("urn:ietf:wg:oauth:2.0:oob", "http://127.0.0.1:8765/callback"),
                        ApplicationType.CONNECTED_DESKTOP,
                        null,
                        false,
                        Set.of(Scope.OAuth2Read),
                        null,
                        List.of())));
  }

  private void register(UUID owner, ApplicationDraft draft) {
    if (!applications.primaryFormatExists(draft.primaryFormat())) {
      management.register(Actor.SYSTEM, owner, draft);
      log.info("Demo mode: registered the application {}", draft.name());
    }
  }

  private @Nullable UUID team(UUID companyId, String name) {
    return groups.choices(GroupKind.TEAM, companyId, Set.of(), 50).stream()
        .filter(t -> t.name().equals(name))
        .map(GroupSummary::id)
        .findFirst()
        .orElse(null);
  }
}
