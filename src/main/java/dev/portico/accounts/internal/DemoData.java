package dev.portico.accounts.internal;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.GroupDraft;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.License;
import dev.portico.accounts.NewAccount;
import dev.portico.accounts.NewUser;
import dev.portico.accounts.Plan;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.accounts.UserAddition;
import dev.portico.accounts.UserManagement;
import dev.portico.system.Actor;
import dev.portico.system.StartupTask;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode (§15): loads Acme Corp, Globex, an individual and the operator when they are absent.
 * Never active unless {@code portico.demo=true}.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("portico.demo")
class DemoData implements StartupTask {

  static final String PASSWORD = "portico-demo";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final AccountManagement management;
  private final UserManagement users;
  private final GroupManagement groups;

  DemoData(AccountManagement management, UserManagement users, GroupManagement groups) {
    this.management = management;
    this.users = users;
    this.groups = groups;
  }

  @Override
  @Transactional
  public void run() {
    Actor system = Actor.SYSTEM;
    if (users.userByEmail("alice@acme.test").isEmpty()) {
      Account acme =
          management.createAccount(
              system,
              new NewAccount(
                  AccountType.ENTERPRISE,
                  "Acme Corp",
                  Plan.ENTERPRISE,
                  "acme.portico.localhost",
                  null,
                  null),
              user("alice@acme.test", "Alice Admin", Role.ADMIN, License.FULL));
      User alice = users.userByEmail("alice@acme.test").orElseThrow();
      User bob =
          created(
              users.addUser(
                  system,
                  acme.id(),
                  user("bob@acme.test", "Bob Member", Role.MEMBER, License.FULL)));
      users.addUser(
          system, acme.id(), user("lena@acme.test", "Lena Light", Role.MEMBER, License.LIGHT));
      groups.create(
          system,
          GroupKind.TEAM,
          acme.id(),
          GroupDraft.team("Engineering", Set.of(alice.id(), bob.id())));
      groups.create(
          system,
          GroupKind.ALIAS,
          acme.id(),
          new GroupDraft("cad-admins", Set.of(alice.id()), Set.of()));
    }
    if (users.userByEmail("gina@globex.test").isEmpty()) {
      management.createAccount(
          system,
          new NewAccount(AccountType.COMPANY, "Globex", Plan.PROFESSIONAL, null, null, null),
          user("gina@globex.test", "Gina Admin", Role.ADMIN, License.FULL));
    }
    if (users.userByEmail("dave@example.test").isEmpty()) {
      users.createIndividual(
          system,
          user("dave@example.test", "Dave Individual", null, License.FULL),
          Plan.FREE,
          false);
    }
    if (users.userByEmail("ops@portico.test").isEmpty()) {
      users.createIndividual(
          system,
          user("ops@portico.test", "Portico Operator", null, License.FULL),
          Plan.FREE,
          true);
    }
    log.info(
        "Demo mode is on: alice@acme.test (admin), bob@acme.test, lena@acme.test (light), gina@globex.test (admin),"
            + " dave@example.test, ops@portico.test (operator); every demo password is '{}'",
        PASSWORD);
  }

  private static User created(UserAddition addition) {
    if (addition instanceof UserAddition.Created created) {
      return created.user();
    }
    throw new IllegalStateException("demo users are created, never invited");
  }

  private static NewUser user(
      String email, String name, @org.jspecify.annotations.Nullable Role role, License license) {
    return new NewUser(email, name, role, license, PASSWORD);
  }
}
