package dev.portico.accounts;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.ResultPage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Teams and aliases as lists that scale and names that stay unique: names are unique per company
 * whatever their letter case, in the database too, so two creations racing end as one group and a
 * field error (422), never a 500; lists are paged; pickers offer a bounded number of members.
 */
@PorticoTest
class GroupListsTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired GroupManagement groupManagement;
  @Autowired UserManagement userManagement;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void nameThatDiffersOnlyInLetterCaseLosesTheRaceAsAFieldErrorNotA500() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    CountDownLatch created = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // The first creation holds its transaction open: the second one's check cannot see it, so
      // only the database's unique key on the lower-cased name can stop the second insert.
      Future<?> first =
          pool.submit(
              () ->
                  new TransactionTemplate(transactions)
                      .executeWithoutResult(
                          tx -> {
                            groupManagement.create(
                                Actor.SYSTEM,
                                GroupKind.TEAM,
                                acme.id(),
                                GroupDraft.team("Platform", Set.of()));
                            created.countDown();
                            await(commit);
                          }));
      assertThat(created.await(30, TimeUnit.SECONDS)).isTrue();
      Future<Integer> second =
          pool.submit(
              () ->
                  mvc.perform(
                          post("/api/accounts/{id}/teams", acme.id())
                              .header("Authorization", TestApiKeys.basic(admin))
                              .contentType(MediaType.APPLICATION_JSON)
                              .content("{\"name\":\"PLATFORM\"}"))
                      .andReturn()
                      .getResponse()
                      .getStatus());
      awaitALockWaiter();
      commit.countDown();
      first.get(30, TimeUnit.SECONDS);

      assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(422);
    } finally {
      commit.countDown();
      pool.shutdownNow();
    }
    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), first()).items())
        .extracting(Group::name)
        .containsExactly("Platform");
  }

  @Test
  void twoAliasCreationsAtOnceEndAsOneAliasAndOneFieldError() throws Exception {
    Company acme = fixtures.company("Acme");
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<String>> outcomes = new ArrayList<>();
    try {
      for (String name : List.of("cad-admins", "CAD-Admins")) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  try {
                    groupManagement.create(
                        Actor.SYSTEM,
                        GroupKind.ALIAS,
                        acme.id(),
                        new GroupDraft(name, Set.of(), Set.of()));
                    return "created";
                  } catch (InvalidInput e) {
                    return e.violations().get(0).field();
                  }
                }));
      }
      List<String> results = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        results.add(outcome.get(30, TimeUnit.SECONDS));
      }
      assertThat(results).containsExactlyInAnyOrder("created", "name");
    } finally {
      pool.shutdownNow();
    }
    assertThat(groupManagement.count(GroupKind.ALIAS, acme.id())).isEqualTo(1);
  }

  @Test
  void teamsListIsPagedAndCountedInTheDatabase() throws Exception {
    Company acme = fixtures.company("Acme");
    for (int i = 0; i < 27; i++) {
      groupManagement.create(
          Actor.SYSTEM,
          GroupKind.TEAM,
          acme.id(),
          GroupDraft.team("Team %02d".formatted(i), Set.of()));
    }

    mvc.perform(get("/accounts/{id}/teams", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("27 team(s)")))
        .andExpect(content().string(containsString(">Team 24<")))
        .andExpect(content().string(not(containsString(">Team 25<"))))
        .andExpect(content().string(containsString("Page 1 of 2")))
        .andExpect(content().string(containsString("/accounts/" + acme.id() + "/teams?page=1")));
    mvc.perform(get("/accounts/{id}/teams", acme.id()).param("page", "1").with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(">Team 26<")))
        .andExpect(content().string(not(containsString(">Team 24<"))));
  }

  @Test
  void listShowsTheFirstFiveMemberNamesAndHowManyMore() throws Exception {
    Company acme = fixtures.company("Acme");
    Set<UUID> members = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      members.add(member(acme, "Crew " + i).id());
    }
    groupManagement.create(
        Actor.SYSTEM, GroupKind.TEAM, acme.id(), GroupDraft.team("Crew", members));
    Group team =
        groupManagement.create(
            Actor.SYSTEM, GroupKind.TEAM, acme.id(), GroupDraft.team("Solo", Set.of()));
    groupManagement.create(
        Actor.SYSTEM,
        GroupKind.ALIAS,
        acme.id(),
        new GroupDraft("everyone", members, Set.of(team.id())));

    mvc.perform(get("/accounts/{id}/teams", acme.id()).with(as(acme.admin())))
        .andExpect(content().string(containsString("Crew 4")))
        .andExpect(content().string(not(containsString("Crew 5"))))
        .andExpect(content().string(containsString(" and 2 more")));
    mvc.perform(get("/accounts/{id}/aliases", acme.id()).with(as(acme.admin())))
        .andExpect(content().string(containsString("Crew 4")))
        .andExpect(content().string(containsString(" and 2 more")))
        .andExpect(content().string(containsString("Solo")))
        .andExpect(content().string(containsString("<td>8</td>")));
  }

  @Test
  void memberPickerSearchOffersMatchesNotYetInTheGroupAndKeepsWhatWasTicked() throws Exception {
    Company acme = fixtures.company("Acme");
    User ada = member(acme, "Ada Picker");
    User adam = member(acme, "Adam Picker");
    User ticked = member(acme, "Zoe Ticked");
    Company globex = fixtures.company("Globex");
    User stranger = member(globex, "Ada Stranger");
    Group team =
        groupManagement.create(
            Actor.SYSTEM, GroupKind.TEAM, acme.id(), GroupDraft.team("Pickers", Set.of(ada.id())));

    mvc.perform(
            get("/accounts/{id}/teams/member-choices", acme.id())
                .param("q", "ada")
                .param("groupId", team.id().toString())
                .param("memberIds", ticked.id().toString(), stranger.id().toString())
                .header("HX-Request", "true")
                .with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<html"))))
        .andExpect(content().string(containsString(adam.email())))
        .andExpect(content().string(not(containsString(ada.email()))))
        .andExpect(content().string(containsString(ticked.email())))
        .andExpect(content().string(not(containsString(stranger.email()))));
  }

  @Test
  void userPageListsTheTeamsThatHoldTheUser() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = member(acme, "Bob Teams");
    groupManagement.create(
        Actor.SYSTEM, GroupKind.TEAM, acme.id(), GroupDraft.team("Holds Bob", Set.of(bob.id())));
    groupManagement.create(
        Actor.SYSTEM, GroupKind.TEAM, acme.id(), GroupDraft.team("Without Bob", Set.of()));

    mvc.perform(get("/accounts/{id}/users/{uid}", acme.id(), bob.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Holds Bob")))
        .andExpect(content().string(not(containsString("Without Bob"))));
  }

  /** A member without a password: nothing to hash, so tests can make many. */
  private User member(Company company, String name) {
    String email =
        "m-" + UUID.randomUUID().toString().substring(0, 8) + "@" + company.tag() + ".test";
    return TestAccounts.created(
        userManagement.addUser(
            Actor.SYSTEM, company.id(), new NewUser(email, name, Role.MEMBER, License.FULL, null)));
  }

  /** Waits until some statement waits on a row or index lock: the racing insert. */
  private void awaitALockWaiter() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      Integer waiting =
          jdbc.queryForObject(
              "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                  + " and datname = current_database()",
              Integer.class);
      if (waiting != null && waiting > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the second creation never waited on the first one's insert");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ResultPage.Request first() {
    return new ResultPage.Request(0, ResultPage.Request.MAX_SIZE);
  }
}
