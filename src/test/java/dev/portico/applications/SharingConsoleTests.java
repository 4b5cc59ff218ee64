package dev.portico.applications;

import static dev.portico.applications.SharingFixtures.actor;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.ResultPage;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The sharing console (SHR-1, SHR-2): Company settings → Developer → Applications → app, and the
 * app's Users tab, which show the same panel.
 */
@PorticoTest
class SharingConsoleTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired SharingFixtures apps;
  @Autowired ApplicationSharing sharing;
  @Autowired ApplicationAssignments assigned;

  @Test
  void adminSeesTheCompanysAppsWithHowManyEachIsSharedWith() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    UUID team = apps.team(acme.id(), bob);
    Application app = apps.register(acme.admin(), acme.id());
    sharing.assign(
        actor(acme.admin()), app, new AssignmentSelection(Set.of(), Set.of(team), Set.of()));

    mvc.perform(get("/accounts/{a}/developer/applications", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString(app.name()),
                        containsString(
                            "/accounts/" + acme.id() + "/developer/applications/" + app.id()),
                        containsString("<td>1</td>"))));
  }

  @Test
  void emptyListSaysWhatToDoNext() throws Exception {
    Company acme = fixtures.company("Acme");

    mvc.perform(get("/accounts/{a}/developer/applications", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Register an OAuth application")));
  }

  @Test
  void bothPagesShowTheSamePanelWithTheCreatorListed() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = apps.register(acme.admin(), acme.id());

    for (String base : bases(acme, app)) {
      mvc.perform(get(base).with(as(acme.admin())))
          .andExpect(status().isOk())
          .andExpect(
              content()
                  .string(
                      allOf(
                          containsString("Add users or teams"),
                          containsString(acme.admin().email()),
                          containsString("aria-label=\"Remove user " + acme.admin().name() + "\""),
                          containsString("data-confirm=\"Remove " + acme.admin().name()))));
    }
    mvc.perform(get(bases(acme, app).get(1)).with(as(acme.admin())))
        .andExpect(content().string(containsString("aria-current=\"page\">Users</a>")));
  }

  @Test
  void searchOffersMatchingUsersTeamsAndAliasesWithLightUsersDisabled() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User lena = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    UUID team = apps.team(acme.id(), bob);
    Application app = apps.register(acme.admin(), acme.id());

    for (String base : bases(acme, app)) {
      String html =
          mvc.perform(
                  get(base + "/choices")
                      .param("q", "member")
                      .header("HX-Request", "true")
                      .with(as(acme.admin())))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(html).doesNotContain("<html").contains("id=\"share-choices\"");
      assertThat(html).contains(bob.email()).contains(lena.email());
      assertThat(html)
          .containsPattern("value=\"" + lena.id() + "\"[^>]*disabled[^>]*>[\\s\\S]*?light user");
      assertThat(html).doesNotContainPattern("value=\"" + bob.id() + "\"[^>]*disabled");
    }
    String teams =
        mvc.perform(
                get(bases(acme, app).get(0) + "/choices")
                    .param("q", "team")
                    .header("HX-Request", "true")
                    .with(as(acme.admin())))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(teams).contains("value=\"" + team + "\"").contains("1 user");
  }

  @Test
  void searchWorksWithoutJavaScript() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    Application app = apps.register(acme.admin(), acme.id());
    String base = bases(acme, app).get(0);

    mvc.perform(get(base).param("q", bob.email()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"" + bob.id() + "\"")))
        .andExpect(content().string(containsString("value=\"" + bob.email() + "\"")));
    mvc.perform(get(base + "/choices").param("q", bob.email()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString("value=\"" + bob.id() + "\"")));
  }

  @Test
  void addingATeamSaysHowManyLightMembersWereSkipped() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User lena = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    User lou = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    UUID team = apps.team(acme.id(), bob, lena, lou);
    Application app = apps.register(acme.admin(), acme.id());
    String base = bases(acme, app).get(1);

    mvc.perform(
            post(base + "/assignments")
                .param("teamIds", team.toString())
                .with(csrf())
                .with(as(acme.admin())))
        .andExpect(redirectedUrl(base))
        .andExpect(flash().attribute("flash", "Added 1 team (2 light members skipped)."));
    assertThat(assigned.mayUse(bob.id(), app.id())).isTrue();
  }

  @Test
  void lightUserIsRefusedWithAClearMessageAndTheInputIsKept() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User lena = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    Application app = apps.register(acme.admin(), acme.id());

    String html =
        mvc.perform(
                post(bases(acme, app).get(0) + "/assignments")
                    .param("q", "Member")
                    .param("userIds", bob.id().toString(), lena.id().toString())
                    .with(csrf())
                    .with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("Light users cannot be added to applications")
        .contains("value=\"Member\"")
        .containsPattern("value=\"" + bob.id() + "\"\\s+checked=\"checked\"");
    assertThat(assigned.mayUse(bob.id(), app.id())).isFalse();
  }

  @Test
  void forgedAndForeignIdsAreFieldErrorsAndNothingIsAdded() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User gina = fixtures.member(globex, Role.MEMBER, License.FULL);
    UUID theirTeam = apps.team(globex.id(), gina);
    Application app = apps.register(acme.admin(), acme.id());
    String base = bases(acme, app).get(0);

    mvc.perform(
            post(base + "/assignments")
                .param("userIds", bob.id().toString(), gina.id().toString())
                .param("teamIds", theirTeam.toString())
                .param("aliasIds", "not-an-id")
                .with(csrf())
                .with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"aliasIds-error\"")))
        .andExpect(content().string(containsString("holds an id that is not valid")));
    mvc.perform(
            post(base + "/assignments")
                .param("userIds", bob.id().toString(), gina.id().toString())
                .param("teamIds", theirTeam.toString())
                .with(csrf())
                .with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"userIds-error\"")))
        .andExpect(content().string(containsString("id=\"teamIds-error\"")))
        .andExpect(content().string(not(containsString(gina.email()))));
    mvc.perform(post(base + "/assignments").with(csrf()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Tick at least one user, team or alias")));

    assertThat(assigned.assignments(app, new ResultPage.Request(0, 25)).total()).isEqualTo(1);
  }

  @Test
  void hostileSearchTextAndIdsAreNeverEchoedUnescapedNorFail() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = apps.register(acme.admin(), acme.id());
    String script = "<script>alert('xss')</script>";
    for (String base : bases(acme, app)) {
      for (String hostile : List.of(script, "x".repeat(10_000), "a\u0000b", "%' OR 1=1 --")) {
        mvc.perform(get(base + "/choices").param("q", hostile).with(as(acme.admin())))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString(script))));
        mvc.perform(
                post(base + "/assignments")
                    .param("q", hostile)
                    .param("userIds", hostile)
                    .param("teamIds", hostile)
                    .with(csrf())
                    .with(as(acme.admin())))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString(script))));
      }
    }
    assertThat(assigned.assignments(app, new ResultPage.Request(0, 25)).total()).isEqualTo(1);
  }

  @Test
  void removingWithTheXTakesTheAssignmentAway() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    Application app = apps.register(acme.admin(), acme.id());
    sharing.assign(
        actor(acme.admin()), app, new AssignmentSelection(Set.of(bob.id()), Set.of(), Set.of()));
    String base = bases(acme, app).get(0);

    mvc.perform(
            post(base + "/assignments/user/" + bob.id() + "/delete")
                .with(csrf())
                .with(as(acme.admin())))
        .andExpect(redirectedUrl(base))
        .andExpect(
            flash().attribute("flash", "Removed user " + bob.email() + " (1 user lost access)."));
    assertThat(assigned.mayUse(bob.id(), app.id())).isFalse();
    mvc.perform(
            post(base + "/assignments/user/" + bob.id() + "/delete")
                .with(csrf())
                .with(as(acme.admin())))
        .andExpect(redirectedUrl(base));
    mvc.perform(
            post(base + "/assignments/robot/" + bob.id() + "/delete")
                .with(csrf())
                .with(as(acme.admin())))
        .andExpect(status().isNotFound());
  }

  @Test
  void membersLightUsersAndOtherCompaniesAdminsGetNotFoundOnEverySharingPageAndForm()
      throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User lena = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    Application app = apps.register(acme.admin(), acme.id());
    Application theirs = apps.register(globex.admin(), globex.id());

    for (User attacker : List.of(bob, lena, globex.admin())) {
      for (MockHttpServletRequestBuilder request : everything(acme, app, bob)) {
        mvc.perform(request.with(csrf()).with(as(attacker))).andExpect(status().isNotFound());
      }
    }
    // the admin's own company in the path does not open another company's app
    String crossed = "/accounts/" + acme.id() + "/developer/applications/" + theirs.id();
    mvc.perform(get(crossed).with(as(acme.admin()))).andExpect(status().isNotFound());
    mvc.perform(
            post(crossed + "/assignments")
                .param("userIds", acme.admin().id().toString())
                .with(csrf())
                .with(as(acme.admin())))
        .andExpect(status().isNotFound());
    // unknown ids
    for (String path :
        List.of(
            "/accounts/" + acme.id() + "/developer/applications/" + UUID.randomUUID(),
            "/accounts/" + UUID.randomUUID() + "/developer/applications",
            "/developer/oauth-applications/" + UUID.randomUUID() + "/users")) {
      mvc.perform(get(path).with(as(acme.admin()))).andExpect(status().isNotFound());
    }
    assertThat(assigned.assignments(app, new ResultPage.Request(0, 25)).total()).isEqualTo(1);
    assertThat(assigned.assignments(theirs, new ResultPage.Request(0, 25)).total()).isEqualTo(1);
  }

  @Test
  void individualsAppHasNoUsersTab() throws Exception {
    User dave = fixtures.individual();
    Application app = apps.register(dave, dave.personalAccountId());

    mvc.perform(get("/developer/oauth-applications/{id}/users", app.id()).with(as(dave)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/developer/oauth-applications/{id}/users/assignments", app.id())
                .param("userIds", dave.id().toString())
                .with(csrf())
                .with(as(dave)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/accounts/{a}/developer/applications", dave.personalAccountId()).with(as(dave)))
        .andExpect(status().isNotFound());
  }

  private static List<String> bases(Company company, Application app) {
    return List.of(
        "/accounts/" + company.id() + "/developer/applications/" + app.id(),
        "/developer/oauth-applications/" + app.id() + "/users");
  }

  private static List<MockHttpServletRequestBuilder> everything(
      Company company, Application app, User target) {
    List<MockHttpServletRequestBuilder> all = new java.util.ArrayList<>();
    all.add(get("/accounts/{a}/developer/applications", company.id()));
    for (String base : bases(company, app)) {
      all.add(get(base));
      all.add(get(base + "/choices").param("q", "a").header("HX-Request", "true"));
      all.add(post(base + "/assignments").param("userIds", target.id().toString()));
      all.add(post(base + "/assignments/user/" + company.admin().id() + "/delete"));
    }
    return all;
  }
}
