package dev.portico.applications;

import static dev.portico.applications.SharingFixtures.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.accounts.GroupDraft;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.accounts.UserChanges;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import dev.portico.system.InvalidInput;
import dev.portico.system.ResultPage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Sharing a company's application with users, teams and aliases (SHR-1..3), in the domain. */
@PorticoTest
@RecordApplicationEvents
class ApplicationSharingTests {

  @Autowired TestAccounts fixtures;
  @Autowired SharingFixtures apps;
  @Autowired ApplicationSharing sharing;
  @Autowired ApplicationAssignments assigned;
  @Autowired UserManagement users;
  @Autowired GroupManagement groups;
  @Autowired ApplicationEvents events;
  @Autowired JdbcClient jdbc;

  @Test
  void creatingAdminIsAssignedFromTheStart() {
    Company acme = fixtures.company("Acme");
    Application app = apps.register(acme.admin(), acme.id());

    List<Assignment> listed = assigned.assignments(app, new ResultPage.Request(0, 25)).items();

    assertThat(listed)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AssignmentKind.USER);
              assertThat(a.targetId()).isEqualTo(acme.admin().id());
              assertThat(a.email()).isEqualTo(acme.admin().email());
            });
    assertThat(assigned.mayUse(acme.admin().id(), app.id())).isTrue();
    assertThat(events.stream(ApplicationAssignmentAdded.class))
        .anySatisfy(e -> assertThat(e.applicationId()).isEqualTo(app.id()));
  }

  @Test
  void operatorRegisteringForACompanyIsNotAssigned() {
    Company acme = fixtures.company("Acme");
    Application app = apps.register(fixtures.operator(), acme.id());

    assertThat(assigned.assignments(app, new ResultPage.Request(0, 25)).total()).isZero();
  }

  @Test
  void lightUserCanNotBeAssignedToApplication() {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User lena = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    Application app = apps.register(acme.admin(), acme.id());

    assertThatThrownBy(
            () -> sharing.assign(actor(acme.admin()), app, users(Set.of(bob.id(), lena.id()))))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.field()).isEqualTo("userIds");
                          assertThat(v.message())
                              .startsWith("Light users cannot be added to applications")
                              .contains(lena.name());
                        }));
    // nothing was added, not even the full user named with her
    assertThat(assigned.mayUse(bob.id(), app.id())).isFalse();
    assertThat(assigned.assignments(app, new ResultPage.Request(0, 25)).total()).isEqualTo(1);
  }

  @Test
  void teamIsAddedWithItsLightMembersSkippedAndCounted() {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User lena = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    User lou = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    UUID team = apps.team(acme.id(), bob, lena, lou);
    Application app = apps.register(acme.admin(), acme.id());

    AssignmentResult result =
        sharing.assign(actor(acme.admin()), app, selection(Set.of(), Set.of(team), Set.of()));

    assertThat(result.addedIds(AssignmentKind.TEAM)).containsExactly(team);
    assertThat(result.skippedLightUsers()).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "select target || ' ' || diff from aud_entry where account_id = :a"
                        + " and action = 'application.assignment-added' and target like 'team %'")
                .param("a", acme.id())
                .query(String.class)
                .single())
        .contains(groups.group(GroupKind.TEAM, acme.id(), team).name())
        .contains(app.name())
        .contains("skippedLightMembers");
    assertThat(result.message()).isEqualTo("Added 1 team (2 light members skipped).");
    assertThat(assigned.mayUse(bob.id(), app.id())).isTrue();
    assertThat(assigned.mayUse(lena.id(), app.id())).isFalse();
  }

  @Test
  void aliasReachesItsUsersAndTheMembersOfItsTeams() {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User carol = fixtures.member(acme, Role.MEMBER, License.FULL);
    User dan = fixtures.member(acme, Role.MEMBER, License.FULL);
    UUID team = apps.team(acme.id(), bob);
    UUID alias = apps.alias(acme.id(), Set.of(team), carol);
    Application app = apps.register(acme.admin(), acme.id());

    sharing.assign(actor(acme.admin()), app, selection(Set.of(), Set.of(), Set.of(alias)));

    assertThat(assigned.mayUse(bob.id(), app.id())).as("through the alias's team").isTrue();
    assertThat(assigned.mayUse(carol.id(), app.id())).as("named by the alias").isTrue();
    assertThat(assigned.mayUse(dan.id(), app.id())).as("not in the alias").isFalse();
  }

  @Test
  void userAddedToAnAssignedTeamMayUseTheAppAndNotAfterLeavingIt() {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User erin = fixtures.member(acme, Role.MEMBER, License.FULL);
    UUID team = apps.team(acme.id(), bob);
    Application app = apps.register(acme.admin(), acme.id());
    sharing.assign(actor(acme.admin()), app, selection(Set.of(), Set.of(team), Set.of()));
    assertThat(assigned.mayUse(erin.id(), app.id())).isFalse();

    setMembers(acme, team, bob, erin);
    assertThat(assigned.mayUse(erin.id(), app.id())).isTrue();

    setMembers(acme, team, bob);
    assertThat(assigned.mayUse(erin.id(), app.id())).isFalse();
  }

  @Test
  void suspendedOrLightMembersAndOutsidersMayNotUseTheApp() {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User lena = fixtures.member(acme, Role.MEMBER, License.FULL);
    User gina = fixtures.member(globex, Role.MEMBER, License.FULL);
    Application app = apps.register(acme.admin(), acme.id());
    sharing.assign(actor(acme.admin()), app, users(Set.of(bob.id(), lena.id())));
    assertThat(assigned.mayUse(bob.id(), app.id())).isTrue();
    assertThat(assigned.mayUse(lena.id(), app.id())).isTrue();

    users.changeUser(
        Actor.SYSTEM, acme.id(), bob.id(), new UserChanges(null, null, UserState.SUSPENDED));
    users.changeUser(
        Actor.SYSTEM, acme.id(), lena.id(), new UserChanges(null, License.LIGHT, null));

    assertThat(assigned.mayUse(bob.id(), app.id())).isFalse();
    assertThat(assigned.mayUse(lena.id(), app.id())).isFalse();
    assertThat(assigned.mayUse(gina.id(), app.id())).isFalse();
    assertThat(assigned.mayUse(gina.id(), UUID.randomUUID())).isFalse();
  }

  @Test
  void removingAnAssignmentNamesOnlyTheUsersWhoLostAccess() {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User carol = fixtures.member(acme, Role.MEMBER, License.FULL);
    UUID team = apps.team(acme.id(), bob, carol);
    UUID other = apps.team(acme.id(), carol);
    Application app = apps.register(acme.admin(), acme.id());
    sharing.assign(
        actor(acme.admin()), app, selection(Set.of(bob.id()), Set.of(team, other), Set.of()));

    sharing.unassign(actor(acme.admin()), app, AssignmentKind.TEAM, team);
    assertThat(removed(app, team).lostAccessUserIds())
        .as("bob is assigned himself, carol through the other team")
        .isEmpty();

    AssignmentRemoval removal =
        sharing.unassign(actor(acme.admin()), app, AssignmentKind.TEAM, other).orElseThrow();
    assertThat(removal.lostAccessUserIds()).containsExactly(carol.id());
    assertThat(removed(app, other).lostAccessUserIds()).containsExactly(carol.id());
    assertThat(removed(app, other).action()).isEqualTo("application.assignment-removed");
    assertThat(assigned.mayUse(carol.id(), app.id())).isFalse();
    assertThat(assigned.mayUse(bob.id(), app.id())).isTrue();

    sharing.unassign(actor(acme.admin()), app, AssignmentKind.USER, bob.id());
    assertThat(removed(app, bob.id()).lostAccessUserIds()).containsExactly(bob.id());
    assertThat(removed(app, bob.id()).target()).contains("user " + bob.email());
    assertThat(assigned.mayUse(bob.id(), app.id())).isFalse();
    assertThat(sharing.unassign(actor(acme.admin()), app, AssignmentKind.USER, bob.id())).isEmpty();
  }

  @Test
  void userRemovedFromTheCompanyLosesTheirAssignments() {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    Application app = apps.register(acme.admin(), acme.id());
    sharing.assign(actor(acme.admin()), app, users(Set.of(bob.id())));
    assertThat(assigned.mayUse(bob.id(), app.id())).isTrue();

    users.removeFromCompany(actor(acme.admin()), acme.id(), bob.id());

    assertThat(assigned.mayUse(bob.id(), app.id())).isFalse();
    assertThat(assigned.assignments(app, new ResultPage.Request(0, 25)).items())
        .extracting(Assignment::targetId)
        .containsExactly(acme.admin().id());
    assertThat(removed(app, bob.id()).lostAccessUserIds()).containsExactly(bob.id());
  }

  @Test
  void deletedTeamLeavesTheList() {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    UUID team = apps.team(acme.id(), bob);
    Application app = apps.register(acme.admin(), acme.id());
    sharing.assign(actor(acme.admin()), app, selection(Set.of(), Set.of(team), Set.of()));

    groups.delete(Actor.SYSTEM, GroupKind.TEAM, acme.id(), team);

    assertThat(assigned.counts(List.of(app.id())).get(app.id()))
        .isEqualTo(new AssignmentCounts(1, 0, 0));
    assertThat(assigned.mayUse(bob.id(), app.id())).isFalse();
  }

  @Test
  void idsOfAnotherCompanyAreRefusedAtTheirFieldsAndNothingIsAdded() {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User gina = fixtures.member(globex, Role.MEMBER, License.FULL);
    UUID theirTeam = apps.team(globex.id(), gina);
    UUID theirAlias = apps.alias(globex.id(), Set.of(), gina);
    UUID ourTeam = apps.team(acme.id(), bob);
    Application app = apps.register(acme.admin(), acme.id());

    assertThatThrownBy(
            () ->
                sharing.assign(
                    actor(acme.admin()),
                    app,
                    selection(
                        Set.of(bob.id(), gina.id()),
                        Set.of(ourTeam, theirTeam),
                        Set.of(theirAlias))))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInput.FieldViolation::field)
                    .containsExactlyInAnyOrder("userIds", "teamIds", "aliasIds"));
    assertThatThrownBy(
            () -> sharing.assign(actor(acme.admin()), app, users(Set.of(UUID.randomUUID()))))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(
            () ->
                sharing.assign(actor(acme.admin()), app, users(Set.of(fixtures.individual().id()))))
        .isInstanceOf(InvalidInput.class);

    assertThat(assigned.assignments(app, new ResultPage.Request(0, 25)).total()).isEqualTo(1);
    assertThat(assigned.mayUse(bob.id(), app.id())).isFalse();
  }

  @Test
  void individualsApplicationsCannotBeShared() {
    User dave = fixtures.individual();
    Application app = apps.register(dave, dave.personalAccountId());

    assertThatThrownBy(() -> sharing.assign(actor(dave), app, users(Set.of(dave.id()))))
        .isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> assigned.assignments(app, new ResultPage.Request(0, 25)))
        .isInstanceOf(Conflict.class);
    assertThat(assigned.mayUse(dave.id(), app.id())).isFalse();
  }

  @Test
  void concurrentAssignmentsOfTheSameUserAddItOnce() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    Application app = apps.register(acme.admin(), acme.id());
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<AssignmentResult>> tasks =
          java.util.stream.IntStream.range(0, threads)
              .<Callable<AssignmentResult>>mapToObj(
                  i ->
                      () -> {
                        start.await();
                        return sharing.assign(actor(acme.admin()), app, users(Set.of(bob.id())));
                      })
              .toList();
      List<Future<AssignmentResult>> futures = tasks.stream().map(pool::submit).toList();
      start.countDown();
      int added = 0;
      for (Future<AssignmentResult> f : futures) {
        added += f.get().added().size();
      }
      assertThat(added).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(assigned.assignments(app, new ResultPage.Request(0, 25)).total()).isEqualTo(2);
  }

  private ApplicationAssignmentRemoved removed(Application app, UUID target) {
    return events.stream(ApplicationAssignmentRemoved.class)
        .filter(e -> e.applicationId().equals(app.id()) && e.targetId().equals(target))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private void setMembers(Company company, UUID team, User... members) {
    Set<UUID> ids = new HashSet<>();
    for (User m : members) {
      ids.add(m.id());
    }
    String name = groups.group(GroupKind.TEAM, company.id(), team).name();
    groups.update(Actor.SYSTEM, GroupKind.TEAM, company.id(), team, GroupDraft.team(name, ids));
  }

  private static AssignmentSelection users(Set<UUID> ids) {
    return selection(ids, Set.of(), Set.of());
  }

  private static AssignmentSelection selection(Set<UUID> u, Set<UUID> t, Set<UUID> a) {
    return new AssignmentSelection(u, t, a);
  }
}
