package dev.portico.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountChanges;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.InvitationManagement;
import dev.portico.accounts.License;
import dev.portico.accounts.NewAccount;
import dev.portico.accounts.NewUser;
import dev.portico.accounts.Plan;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.accounts.UserAddition;
import dev.portico.accounts.UserChanges;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import dev.portico.system.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * USE-1 on the real database: each plan's figure from the seats the accounts module counts, the
 * override, the period, pro-rated seat additions, and the cache that follows every change.
 */
@PorticoTest
class AllocationsTests {

  @Autowired Allocations allocations;
  @Autowired TestAccounts fixtures;
  @Autowired AccountManagement accounts;
  @Autowired UserManagement users;
  @Autowired InvitationManagement invitations;
  @Autowired JdbcClient jdbc;

  @Test
  void enterpriseIsTenThousandPerFullUserAndLightUsersDoNotCount() {
    Company umbrella = fixtures.enterprise("Umbrella");
    fixtures.member(umbrella, Role.MEMBER, License.FULL);
    fixtures.member(umbrella, Role.MEMBER, License.FULL);
    fixtures.member(umbrella, Role.MEMBER, License.LIGHT);

    assertThat(allocation(umbrella.id())).isEqualTo(30_000);
  }

  @Test
  void professionalIsFiveThousandPerUserLightAndSuspendedIncluded() {
    Company globex = fixtures.company("Globex");
    fixtures.member(globex, Role.MEMBER, License.LIGHT);
    User suspended = fixtures.member(globex, Role.MEMBER, License.FULL);
    users.changeUser(
        Actor.SYSTEM,
        globex.id(),
        suspended.id(),
        new UserChanges(null, null, UserState.SUSPENDED));

    assertThat(allocation(globex.id())).isEqualTo(15_000);
  }

  @Test
  void individualPlansAreTwentyFiveHundred() {
    for (Plan plan : new Plan[] {Plan.STANDARD, Plan.FREE, Plan.EDU_STUDENT}) {
      assertThat(allocation(individual(plan).personalAccountId())).as(plan.name()).isEqualTo(2_500);
    }
  }

  @Test
  void perAccountPlansIgnoreTheNumberOfUsers() {
    Company eduEnterprise = company(AccountType.COMPANY, Plan.EDU_ENTERPRISE);
    Company classroom = company(AccountType.CLASSROOM, Plan.EDU_EDUCATOR);
    Company discovery = company(AccountType.COMPANY, Plan.PRO_DISCOVERY);
    for (Company c : new Company[] {eduEnterprise, classroom, discovery}) {
      fixtures.member(c, Role.MEMBER, License.FULL);
      fixtures.member(c, Role.MEMBER, License.FULL);
    }

    assertThat(allocation(eduEnterprise.id())).isEqualTo(10_000);
    assertThat(allocation(classroom.id())).isEqualTo(2_500);
    assertThat(allocation(discovery.id())).isEqualTo(2_500);
  }

  @Test
  void overrideReplacesThePlanFigureAtOnceAndClearingItGoesBack() {
    Company acme = fixtures.company("Acme");
    assertThat(allocation(acme.id())).isEqualTo(5_000); // cached now

    change(acme.id(), new AccountChanges(null, null, null, null, 123L, false));
    assertThat(allocation(acme.id())).isEqualTo(123);
    assertThat(allocations.details(acme.id()).planFigure()).isEqualTo(5_000);

    change(acme.id(), new AccountChanges(null, null, null, null, null, true));
    assertThat(allocation(acme.id())).isEqualTo(5_000);
  }

  @Test
  void planChangeAppliesAtOnce() {
    Company acme = fixtures.company("Acme");
    assertThat(allocation(acme.id())).isEqualTo(5_000);

    change(acme.id(), new AccountChanges(null, Plan.PRO_DISCOVERY, null, null, null, false));

    assertThat(allocation(acme.id())).isEqualTo(2_500);
  }

  @Test
  void periodRunsAYearFromTheAllocationStartAndAFutureStartIsTheFirstPeriod() {
    Company acme = fixtures.company("Acme");
    LocalDate past = today().minusYears(2).minusDays(10);
    change(acme.id(), new AccountChanges(null, null, null, past, null, false));
    assertThat(allocations.current(acme.id()).period())
        .isEqualTo(new AllocationPeriod(past.plusYears(2), past.plusYears(3)));

    LocalDate future = today().plusDays(40);
    change(acme.id(), new AccountChanges(null, null, null, future, null, false));
    assertThat(allocations.current(acme.id()).period())
        .isEqualTo(new AllocationPeriod(future, future.plusYears(1)));
  }

  @Test
  void seatAddedMidPeriodAddsItsProRatedShareAtOnce() {
    Company acme = companyHundredDaysIntoItsPeriod();
    assertThat(allocation(acme.id())).isEqualTo(5_000); // cached now

    fixtures.member(acme, Role.MEMBER, License.LIGHT);

    assertThat(allocation(acme.id())).isEqualTo(5_000 + share(acme, 5_000));
    AllocationDetails details = allocations.details(acme.id());
    assertThat(details.usersAtStart()).isEqualTo(1);
    assertThat(details.users()).isEqualTo(2);
    assertThat(details.usersProRated()).isEqualTo(share(acme, 5_000));
  }

  @Test
  void removalDoesNotReduceThePeriodAndReAddingDoesNotAddTwice() {
    Company acme = companyHundredDaysIntoItsPeriod();
    User first = fixtures.member(acme, Role.MEMBER, License.FULL);
    long withTwo = 5_000 + share(acme, 5_000);
    assertThat(allocation(acme.id())).isEqualTo(withTwo);

    users.removeFromCompany(Actor.SYSTEM, acme.id(), first.id());
    assertThat(allocation(acme.id())).isEqualTo(withTwo);

    fixtures.member(acme, Role.MEMBER, License.FULL); // back to two seats: the mark is not passed
    assertThat(allocation(acme.id())).isEqualTo(withTwo);

    fixtures.member(acme, Role.MEMBER, License.FULL); // a third seat passes it
    assertThat(allocation(acme.id())).isEqualTo(5_000 + 2 * share(acme, 5_000));
  }

  @Test
  void acceptedInvitationAddsAProRatedSeat() {
    Company acme = companyHundredDaysIntoItsPeriod();
    User solo = fixtures.individual();
    assertThat(allocation(acme.id())).isEqualTo(5_000);

    UserAddition.Invited invited =
        (UserAddition.Invited)
            users.addUser(
                Actor.SYSTEM,
                acme.id(),
                new NewUser(solo.email(), solo.name(), Role.MEMBER, License.FULL, null));
    assertThat(allocation(acme.id())).as("a pending invitation holds no seat").isEqualTo(5_000);
    invitations.accept(Actor.SYSTEM, solo.id(), invited.invitation().id());

    assertThat(allocation(acme.id())).isEqualTo(5_000 + share(acme, 5_000));
  }

  @Test
  void fullLicenseGrantedMidPeriodAddsAProRatedFullSeatAndTakingItBackKeepsIt() {
    Company umbrella = fixtures.enterprise("Umbrella");
    User light = fixtures.member(umbrella, Role.MEMBER, License.LIGHT);
    moveStartHundredDaysBack(umbrella.id());
    assertThat(allocation(umbrella.id())).isEqualTo(10_000);

    users.changeUser(
        Actor.SYSTEM, umbrella.id(), light.id(), new UserChanges(null, License.FULL, null));
    long withShare = 10_000 + share(umbrella, 10_000);
    assertThat(allocation(umbrella.id())).isEqualTo(withShare);

    users.changeUser(
        Actor.SYSTEM, umbrella.id(), light.id(), new UserChanges(null, License.LIGHT, null));
    assertThat(allocation(umbrella.id())).isEqualTo(withShare);
  }

  @Test
  void changeRecordedByAnotherNodeReachesThisNodesCacheThroughTheChangeFeed()
      throws InterruptedException {
    Company acme = fixtures.company("Acme");
    assertThat(allocation(acme.id())).isEqualTo(5_000); // cached now
    // another node changes the account: its row, and the feed row of its transaction
    jdbc.sql("update acc_account set allocation_override = 777 where id = :id")
        .param("id", acme.id())
        .update();
    assertThat(allocation(acme.id())).as("served from the cache").isEqualTo(5_000);

    jdbc.sql("insert into change_feed (id, topic, subject, changed_at) values (:id, :t, :s, :at)")
        .param("id", UUID.randomUUID())
        .param("t", Allocations.TOPIC)
        .param("s", acme.id().toString())
        .param("at", Sql.ts(Instant.now()))
        .update();

    long seen = allocation(acme.id());
    for (int i = 0; i < 100 && seen != 777; i++) {
      Thread.sleep(100);
      seen = allocation(acme.id());
    }
    assertThat(seen).isEqualTo(777);
  }

  // ------------------------------------------------------------------ helpers

  long allocation(UUID accountId) {
    return allocations.current(accountId).allocation();
  }

  /** A PROFESSIONAL company with its admin, whose current period started 100 days ago. */
  Company companyHundredDaysIntoItsPeriod() {
    Company acme = fixtures.company("Acme");
    moveStartHundredDaysBack(acme.id());
    return acme;
  }

  void moveStartHundredDaysBack(UUID accountId) {
    change(accountId, new AccountChanges(null, null, null, today().minusDays(100), null, false));
  }

  /** What one seat added today brings, computed here from the dates: floor(perSeat × left/days). */
  long share(Company company, long perSeat) {
    LocalDate start = accounts.account(company.id()).orElseThrow().allocationStart();
    LocalDate end = start.plusYears(1);
    long left = ChronoUnit.DAYS.between(today(), end);
    long days = ChronoUnit.DAYS.between(start, end);
    assertThat(left).isBetween(1L, days - 1);
    return perSeat * left / days;
  }

  Company company(AccountType type, Plan plan) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Account account =
        accounts.createAccount(
            Actor.SYSTEM,
            new NewAccount(type, "Plan " + plan + " " + tag, plan, null, null, null),
            new NewUser(
                "admin-" + tag + "@plans.test",
                "Admin",
                Role.ADMIN,
                License.FULL,
                TestAccounts.PASSWORD));
    return new Company(account, users.members(account.id()).get(0), tag);
  }

  User individual(Plan plan) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    return users.createIndividual(
        Actor.SYSTEM,
        new NewUser("solo-" + tag + "@plans.test", "Solo", null, License.FULL, null),
        plan,
        false);
  }

  void change(UUID accountId, AccountChanges changes) {
    accounts.updateAccount(Actor.SYSTEM, accountId, changes);
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
