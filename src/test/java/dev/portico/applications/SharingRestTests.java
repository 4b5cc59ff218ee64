package dev.portico.applications;

import static dev.portico.applications.SharingFixtures.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.ResultPage;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code GET|POST|DELETE /api/developer/applications/{appId}/users} (SPEC §13, SHR-1..3). */
@PorticoTest
class SharingRestTests {

  private static final String USERS = "/api/developer/applications/{appId}/users";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys keys;
  @Autowired SharingFixtures apps;
  @Autowired ApplicationSharing sharing;
  @Autowired ApplicationAssignments assigned;

  @Test
  void adminSharesWithATeamAndListsWhoHasTheApp() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User lena = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    UUID team = apps.team(acme.id(), bob, lena);
    Application app = apps.register(acme.admin(), acme.id());
    String auth = TestApiKeys.basic(keys.issue(acme.admin()));

    mvc.perform(
            post(USERS, app.id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"teamIds\":[\"%s\"]}".formatted(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.addedTeamIds[0]").value(team.toString()))
        .andExpect(jsonPath("$.addedUserIds").isEmpty())
        .andExpect(jsonPath("$.skippedLightUsers").value(1));

    mvc.perform(get(USERS, app.id()).header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(25))
        .andExpect(jsonPath("$.items[0].kind").value("USER"))
        .andExpect(jsonPath("$.items[0].id").value(acme.admin().id().toString()))
        .andExpect(jsonPath("$.items[0].email").value(acme.admin().email()))
        .andExpect(jsonPath("$.items[1].kind").value("TEAM"))
        .andExpect(jsonPath("$.items[1].email").doesNotExist());
    assertThat(assigned.mayUse(bob.id(), app.id())).isTrue();
  }

  @Test
  void emailsAppearOnlyForCredentialsWithReadPii() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = apps.register(acme.admin(), acme.id());
    String auth = TestApiKeys.basic(keys.issue(acme.admin(), Scope.OAuth2Read));

    mvc.perform(get(USERS, app.id()).header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].name").value(acme.admin().name()))
        .andExpect(jsonPath("$.items[0].email").doesNotExist());
  }

  @Test
  void writesNeedWriteAndDeletesNeedDelete() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    Application app = apps.register(acme.admin(), acme.id());
    String readOnly = TestApiKeys.basic(keys.issue(acme.admin(), Scope.OAuth2Read));
    String write = TestApiKeys.basic(keys.issue(acme.admin(), Scope.OAuth2Read, Scope.OAuth2Write));
    String body = "{\"userIds\":[\"%s\"]}".formatted(bob.id());

    mvc.perform(json(post(USERS, app.id()), readOnly, body)).andExpect(status().isForbidden());
    mvc.perform(json(post(USERS, app.id()), write, body)).andExpect(status().isOk());
    mvc.perform(json(delete(USERS, app.id()), write, body)).andExpect(status().isForbidden());
    assertThat(assigned.mayUse(bob.id(), app.id())).isTrue();

    String deleter = TestApiKeys.basic(keys.issue(acme.admin(), Scope.OAuth2Delete));
    mvc.perform(json(delete(USERS, app.id()), deleter, body)).andExpect(status().isNoContent());
    assertThat(assigned.mayUse(bob.id(), app.id())).isFalse();
  }

  @Test
  void lightUserIsRefusedWithTheMessageAtItsField() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User lena = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    Application app = apps.register(acme.admin(), acme.id());
    String auth = TestApiKeys.basic(keys.issue(acme.admin()));

    mvc.perform(
            json(
                post(USERS, app.id()),
                auth,
                "{\"userIds\":[\"%s\",\"%s\"]}".formatted(bob.id(), lena.id())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("userIds"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(containsString("Light users cannot be added to applications")));
    assertThat(assigned.mayUse(bob.id(), app.id())).isFalse();
  }

  @Test
  void anotherCompanysIdsAndBadBodiesAreFieldErrorsAndNothingIsAdded() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User gina = fixtures.member(globex, Role.MEMBER, License.FULL);
    UUID theirTeam = apps.team(globex.id(), gina);
    UUID theirAlias = apps.alias(globex.id(), Set.of(theirTeam));
    Application app = apps.register(acme.admin(), acme.id());
    String auth = TestApiKeys.basic(keys.issue(acme.admin()));

    mvc.perform(
            json(
                post(USERS, app.id()),
                auth,
                "{\"userIds\":[\"%s\"],\"teamIds\":[\"%s\"],\"aliasIds\":[\"%s\"]}"
                    .formatted(gina.id(), theirTeam, theirAlias)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field", hasItem("userIds")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("teamIds")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("aliasIds")));
    for (String bad :
        List.of(
            "{}",
            "{\"userIds\":[null]}",
            "{\"userIds\":[\"not-a-uuid\"]}",
            "{\"userIds\":\"x\"}",
            "[1]",
            "{\"teamIds\":[" + "\"" + UUID.randomUUID() + "\"]}")) {
      int status =
          mvc.perform(json(post(USERS, app.id()), auth, bad)).andReturn().getResponse().getStatus();
      assertThat(status).as(bad).isIn(400, 422);
    }
    assertThat(assigned.assignments(app, new ResultPage.Request(0, 25)).total()).isEqualTo(1);
  }

  @Test
  void individualsApplicationsCannotBeShared() throws Exception {
    User dave = fixtures.individual();
    Application app = apps.register(dave, dave.personalAccountId());
    String auth = TestApiKeys.basic(keys.issue(dave));

    mvc.perform(json(post(USERS, app.id()), auth, "{\"userIds\":[\"%s\"]}".formatted(dave.id())))
        .andExpect(status().isConflict());
    mvc.perform(get(USERS, app.id()).header("Authorization", auth))
        .andExpect(status().isConflict());
  }

  @Test
  void membersLightUsersAndOtherCompaniesAdminsGetNotFoundOnEveryEndpoint() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User lena = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    Application app = apps.register(acme.admin(), acme.id());
    sharing.assign(
        actor(acme.admin()), app, new AssignmentSelection(Set.of(bob.id()), Set.of(), Set.of()));
    String body = "{\"userIds\":[\"%s\"]}".formatted(bob.id());

    for (User attacker : List.of(bob, lena, globex.admin())) {
      String auth = TestApiKeys.basic(keys.issue(attacker));
      mvc.perform(get(USERS, app.id()).header("Authorization", auth))
          .andExpect(status().isNotFound());
      mvc.perform(json(post(USERS, app.id()), auth, body)).andExpect(status().isNotFound());
      mvc.perform(json(delete(USERS, app.id()), auth, body)).andExpect(status().isNotFound());
    }
    String admin = TestApiKeys.basic(keys.issue(acme.admin()));
    mvc.perform(get(USERS, UUID.randomUUID()).header("Authorization", admin))
        .andExpect(status().isNotFound());
    assertThat(assigned.mayUse(bob.id(), app.id())).isTrue();
  }

  private static MockHttpServletRequestBuilder json(
      MockHttpServletRequestBuilder request, String auth, String body) {
    return request
        .header("Authorization", auth)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body);
  }
}
