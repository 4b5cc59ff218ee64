package dev.portico.applications;

import static dev.portico.applications.RestApplications.created;
import static dev.portico.applications.RestApplications.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /api/developer/applications/{appId}/transfer} (OWN-1, §13, §14): the answer is the
 * app as its new owner sees it; exactly one of {@code toUserId} and {@code toAccountId} (422
 * otherwise, naming the field); a light user and a company the caller does not administer are
 * refused with 422; non-managers and forged ids get 404.
 */
@PorticoTest
class OwnershipTransferRestTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired ApplicationManagement management;
  @Autowired SharingFixtures sharingFixtures;
  @Autowired ApplicationSharing sharing;
  @Autowired ApplicationAssignments assignments;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void managerTransfersToAPersonAndGetsTheAppAsItsNewOwnerSeesIt() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.individual();
    String admin = key(acme.admin());
    String json = created(mvc, admin, acme.id(), "Moving");
    String clientId = com.jayway.jsonpath.JsonPath.read(json, "$.clientId");

    transfer(admin, id(json), "{\"toUserId\":\"" + bob.id() + "\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id(json)))
        .andExpect(jsonPath("$.ownerAccountId").value(bob.personalAccountId().toString()))
        .andExpect(jsonPath("$.clientId").value(clientId))
        .andExpect(jsonPath("$.clientSecret").doesNotExist());

    assertThat(management.count(acme.id())).isZero();
    assertThat(management.count(bob.personalAccountId())).isOne();
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
        .andExpect(
            jsonPath("$.paths['/api/developer/applications/{appId}/transfer'].post.summary")
                .exists());
  }

  @Test
  void leavingTheCompanyClearsTheAdminTeamAndRemovesTheAssignments() throws Exception {
    Company acme = fixtures.company("Acme");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    User bob = fixtures.individual();
    UUID team = sharingFixtures.team(acme.id(), member);
    Application app = sharingFixtures.register(acme.admin(), acme.id());
    app =
        management.update(
            SharingFixtures.actor(acme.admin()),
            app,
            new ApplicationDraft(
                app.name(),
                app.primaryFormat(),
                app.summary(),
                app.redirectUrls(),
                app.type(),
                app.oauthUrl(),
                false,
                app.scopes(),
                team,
                java.util.List.of()));
    sharing.assign(
        SharingFixtures.actor(acme.admin()),
        app,
        new AssignmentSelection(
            java.util.Set.of(member.id()), java.util.Set.of(team), java.util.Set.of()));
    assertThat(assignments.mayUse(member.id(), app.id())).isTrue();
    assertThat(app.adminTeamId()).isEqualTo(team);

    transfer(key(acme.admin()), app.id().toString(), "{\"toUserId\":\"" + bob.id() + "\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.adminTeamId").doesNotExist());

    Application moved = management.application(app.id()).orElseThrow();
    assertThat(moved.adminTeamId()).isNull();
    assertThat(
            jdbc.sql("select count(*) from app_assignment where application_id = :id")
                .param("id", app.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void notExactlyOneTargetALightUserOrACompanyNotAdministeredAnswer422() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    String admin = key(acme.admin());
    String id = id(created(mvc, admin, acme.id(), "Staying"));

    transfer(admin, id, "{}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("toUserId"));
    transfer(
            admin,
            id,
            "{\"toUserId\":\"" + light.id() + "\",\"toAccountId\":\"" + globex.id() + "\"}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("toUserId"));
    transfer(admin, id, "{\"toUserId\":\"" + light.id() + "\"}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("toUserId"))
        .andExpect(
            jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("light")));
    transfer(admin, id, "{\"toAccountId\":\"" + globex.id() + "\"}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("toAccountId"));
    transfer(admin, id, "{\"toUserId\":\"" + UUID.randomUUID() + "\"}")
        .andExpect(status().isUnprocessableEntity());

    assertThat(management.application(UUID.fromString(id)).orElseThrow().ownerAccountId())
        .isEqualTo(acme.id());
  }

  @Test
  void membersOtherCompaniesAdminsAndForgedIdsGet404() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    String id = id(created(mvc, key(acme.admin()), acme.id(), "Guarded"));
    String toGlobex = "{\"toAccountId\":\"" + globex.id() + "\"}";

    transfer(key(fixtures.member(acme, Role.MEMBER, License.FULL)), id, toGlobex)
        .andExpect(status().isNotFound());
    transfer(key(globex.admin()), id, toGlobex).andExpect(status().isNotFound());
    transfer(key(acme.admin()), UUID.randomUUID().toString(), toGlobex)
        .andExpect(status().isNotFound());

    assertThat(management.application(UUID.fromString(id)).orElseThrow().ownerAccountId())
        .isEqualTo(acme.id());
  }

  private ResultActions transfer(String auth, String appId, String body) throws Exception {
    return mvc.perform(
        post("/api/developer/applications/{id}/transfer", appId)
            .header("Authorization", auth)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private String key(User user) {
    return TestApiKeys.basic(apiKeys.issue(user));
  }
}
