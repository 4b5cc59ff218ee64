package dev.portico.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationSharing;
import dev.portico.applications.AssignmentSelection;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.applications.SharingFixtures;
import dev.portico.extensions.internal.ExtensionRows;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.NotFound;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may run an extension (EXT-4, SHR-3): who may see it — assigned users, the app's managers and
 * editors; everyone else gets NotFound.
 */
@PorticoTest
class ExtensionActionAccessTests {

  static TestActionServer server;

  @Autowired ExtensionActions actions;
  @Autowired TestExtensionActions services;
  @Autowired ExtensionRows rows;
  @Autowired TestAccounts accounts;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ApplicationSharing sharing;

  private Company acme;
  private Application app;

  @BeforeAll
  static void start() throws Exception {
    server = new TestActionServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void setUp() {
    server.reset();
    acme = accounts.company("Acme");
    app = apps.register(acme.admin(), acme.id(), "Actions " + UUID.randomUUID());
  }

  @AfterEach
  void tearDown() throws Exception {
    services.closeAll();
  }

  @Test
  void assignedUserAndTheAppsEditorMayRunItOthersGetNotFound() {
    User bob = accounts.member(acme, Role.MEMBER, License.FULL);
    User carol = accounts.member(acme, Role.MEMBER, License.FULL);
    User light = accounts.member(acme, Role.MEMBER, License.LIGHT);
    User collaborator = accounts.member(acme, Role.MEMBER, License.FULL);
    Application shared =
        apps.register(
            acme.admin(),
            acme.id(),
            ConsoleAppFixtures.draft(
                "Collab " + UUID.randomUUID(), true, List.of(collaborator.email()), null));
    sharing.assign(
        SharingFixtures.actor(acme.admin()),
        shared,
        new AssignmentSelection(Set.of(bob.id()), Set.of(), Set.of()));
    Extension ext =
        TestExtensions.action(rows, shared.id(), ActionType.GET, server.base() + "/json", null);
    User stranger = accounts.company("Globex").admin();

    assertThat(actions.run(bob, ext.id(), Map.of()).isAnswered()).isTrue();
    assertThat(actions.run(collaborator, ext.id(), Map.of()).isAnswered()).isTrue();
    assertThat(actions.run(acme.admin(), ext.id(), Map.of()).isAnswered()).isTrue();
    for (User refused : List.of(carol, light, stranger)) {
      assertThatThrownBy(() -> actions.run(refused, ext.id(), Map.of()))
          .isInstanceOf(NotFound.class);
    }
    assertThatThrownBy(() -> actions.run(bob, UUID.randomUUID(), Map.of()))
        .isInstanceOf(NotFound.class);
    assertThat(server.seen).hasSize(3);
  }
}
