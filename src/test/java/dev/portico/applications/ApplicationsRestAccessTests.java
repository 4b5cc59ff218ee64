package dev.portico.applications;

import static dev.portico.applications.RestApplications.body;
import static dev.portico.applications.RestApplications.created;
import static dev.portico.applications.RestApplications.id;
import static dev.portico.applications.RestApplications.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Who may reach an application over REST (APP-1, SPEC §13), tested from the attacker's seat:
 * members, light users, other companies' admins and forged ids get 404 on every endpoint, exactly
 * as for an app that does not exist; editors may read and change the definition only.
 */
@PorticoTest
class ApplicationsRestAccessTests {

  private static final String APPS = "/api/developer/accounts/{id}/applications";
  private static final String APP = "/api/developer/applications/{id}";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired ApplicationManagement management;

  @Test
  void membersLightUsersAndOtherCompaniesAdminsGetNotFoundOnEveryEndpoint() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    String admin = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String id = id(created(mvc, admin, acme.id(), "Guarded"));
    Map<String, String> strangers =
        Map.of(
            "member", key(fixtures.member(acme, Role.MEMBER, License.FULL)),
            "light user", key(fixtures.member(acme, Role.MEMBER, License.LIGHT)),
            "other company's admin", key(globex.admin()),
            "individual", key(fixtures.individual()));

    for (Map.Entry<String, String> stranger : strangers.entrySet()) {
      for (RequestBuilder request :
          everyEndpoint(acme.id(), UUID.fromString(id), stranger.getValue())) {
        int status = mvc.perform(request).andReturn().getResponse().getStatus();
        assertThat(status).as("%s: %s", stranger.getKey(), describe(request)).isEqualTo(404);
      }
    }
    Application app = management.application(UUID.fromString(id)).orElseThrow();
    assertThat(app.name()).isEqualTo("Guarded");
    assertThat(app.previousSecret()).isNull();
    assertThat(management.count(acme.id())).isEqualTo(1);
  }

  @Test
  void forgedAndUnknownIdsGetNotFoundOnEveryEndpoint() throws Exception {
    Company acme = fixtures.company("Acme");
    String admin = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    for (RequestBuilder request : everyEndpoint(UUID.randomUUID(), UUID.randomUUID(), admin)) {
      mvc.perform(request).andExpect(status().isNotFound());
    }
  }

  @Test
  void individualsAppAndCompanysAppAreInvisibleToEachOther() throws Exception {
    Company acme = fixtures.company("Acme");
    User dave = fixtures.individual();
    String acmeAdmin = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String daveKey = key(dave);
    String companyApp = id(created(mvc, acmeAdmin, acme.id(), "Company app"));
    String daveApp = id(created(mvc, daveKey, "me", "Dave app"));
    // the admin's own personal app: theirs, but not the company's
    String adminsOwn = id(created(mvc, acmeAdmin, "me", "Admin's own app"));

    for (RequestBuilder request : everyEndpoint(acme.id(), UUID.fromString(companyApp), daveKey)) {
      mvc.perform(request).andExpect(status().isNotFound());
    }
    for (RequestBuilder request :
        everyEndpoint(dave.personalAccountId(), UUID.fromString(daveApp), acmeAdmin)) {
      mvc.perform(request).andExpect(status().isNotFound());
    }
    mvc.perform(get(APPS, "me").header("Authorization", daveKey))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(daveApp));
    mvc.perform(get(APPS, acme.id()).header("Authorization", acmeAdmin))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(companyApp));
    mvc.perform(get(APPS, "me").header("Authorization", acmeAdmin))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(adminsOwn));
    mvc.perform(get(APP, daveApp).header("Authorization", daveKey)).andExpect(status().isOk());
  }

  @Test
  void collaboratorMayReadAndChangeTheDefinitionButNothingElse() throws Exception {
    Company acme = fixtures.company("Acme");
    User carol = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    String admin = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String json =
        body("Shared")
            .replace(
                "\"supportsCollaboration\":false",
                "\"supportsCollaboration\":true,\"collaborators\":[\"%s\",\"%s\"]"
                    .formatted(carol.email(), light.email()));
    String id =
        id(
            register(mvc, admin, acme.id(), json)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertEditor(key(carol), acme.id(), id);
    // a light user is never an editor, collaborator or not
    for (RequestBuilder request : everyEndpoint(acme.id(), UUID.fromString(id), key(light))) {
      mvc.perform(request).andExpect(status().isNotFound());
    }
  }

  @Test
  void adminTeamMemberMayReadAndChangeTheDefinitionButNothingElse() throws Exception {
    Company acme = fixtures.company("Acme");
    User tess = fixtures.member(acme, Role.MEMBER, License.FULL);
    String admin = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String team =
        JsonPath.read(
            mvc.perform(
                    post("/api/accounts/{id}/teams", acme.id())
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            "{\"name\":\"Devs %s\",\"memberIds\":[\"%s\"]}"
                                .formatted(acme.tag(), tess.id())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    String id = id(created(mvc, admin, acme.id(), "Team app"));
    mvc.perform(get(APP, id).header("Authorization", key(tess))).andExpect(status().isNotFound());
    patchJson(admin, id, "{\"adminTeamId\":\"" + team + "\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.adminTeamId").value(team));

    assertEditor(key(tess), acme.id(), id);

    patchJson(admin, id, "{\"adminTeamId\":null}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.adminTeamId").isEmpty());
    mvc.perform(get(APP, id).header("Authorization", key(tess))).andExpect(status().isNotFound());
  }

  @Test
  void adminTeamMustBeATeamOfTheOwningCompany() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    String admin = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String globexAdmin = TestApiKeys.basic(apiKeys.issue(globex.admin()));
    String foreignTeam =
        JsonPath.read(
            mvc.perform(
                    post("/api/accounts/{id}/teams", globex.id())
                        .header("Authorization", globexAdmin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            "{\"name\":\"Theirs %s\",\"memberIds\":[]}".formatted(globex.tag())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    String id = id(created(mvc, admin, acme.id(), "Own teams only"));
    patchJson(admin, id, "{\"adminTeamId\":\"" + foreignTeam + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("adminTeamId"));
    assertThat(management.application(UUID.fromString(id)).orElseThrow().adminTeamId()).isNull();
  }

  @Test
  void operatorKeyManagesAnyCompanysApplications() throws Exception {
    Company acme = fixtures.company("Acme");
    String admin = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String id = id(created(mvc, admin, acme.id(), "Watched"));
    String operator = key(fixtures.operator());
    mvc.perform(get(APPS, acme.id()).header("Authorization", operator))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].id").value(id));
    mvc.perform(get(APP, id).header("Authorization", operator)).andExpect(status().isOk());
    patchJson(operator, id, "{\"name\":\"Renamed by ops\"}").andExpect(status().isOk());
  }

  /** An editor reads and changes the definition; every manager-only action answers 404. */
  private void assertEditor(String editor, UUID accountId, String id) throws Exception {
    mvc.perform(get(APP, id).header("Authorization", editor))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id));
    patchJson(editor, id, "{\"summary\":\"Edited by an editor\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.summary").value("Edited by an editor"));
    patchJson(editor, id, "{\"platformOAuth\":{\"accessTokenLifetime\":\"PT2H\"}}")
        .andExpect(status().isNotFound());
    patchJson(editor, id, "{\"externalOAuth\":null}").andExpect(status().isNotFound());
    patchJson(
            editor,
            id,
            "{\"name\":\"x\",\"externalOAuth\":{\"clientId\":\"c\",\"authorizationUrl\":"
                + "\"https://a.example.com\",\"tokenUrl\":\"https://a.example.com/t\"}}")
        .andExpect(status().isNotFound());
    mvc.perform(post(APP + "/secret", id).header("Authorization", editor))
        .andExpect(status().isNotFound());
    mvc.perform(post(APP + "/secret/previous/revoke", id).header("Authorization", editor))
        .andExpect(status().isNotFound());
    mvc.perform(delete(APP, id).header("Authorization", editor)).andExpect(status().isNotFound());
    mvc.perform(get(APPS, accountId).header("Authorization", editor))
        .andExpect(status().isNotFound());
    Application app = management.application(UUID.fromString(id)).orElseThrow();
    assertThat(app.summary()).isEqualTo("Edited by an editor");
    assertThat(app.name()).isNotEqualTo("x");
    assertThat(app.platformOAuth().accessTokenLifetime()).hasHours(1);
    assertThat(app.previousSecret()).isNull();
  }

  /** Every applications endpoint, for one account and one app id. */
  private List<RequestBuilder> everyEndpoint(UUID accountId, UUID appId, String auth) {
    return List.of(
        get(APPS, accountId).header("Authorization", auth),
        post(APPS, accountId)
            .header("Authorization", auth)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body("Intruder")),
        get(APP, appId).header("Authorization", auth),
        patch(APP, appId)
            .header("Authorization", auth)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"Hijacked\"}"),
        delete(APP, appId).header("Authorization", auth),
        post(APP + "/secret", appId)
            .header("Authorization", auth)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"keepPreviousFor\":\"P7D\"}"),
        post(APP + "/secret/previous/revoke", appId).header("Authorization", auth));
  }

  private ResultActions patchJson(String auth, String id, String json) throws Exception {
    return mvc.perform(
        patch(APP, id)
            .header("Authorization", auth)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private String key(User user) {
    return TestApiKeys.basic(apiKeys.issue(user));
  }

  private static String describe(RequestBuilder request) {
    var built = request.buildRequest(new org.springframework.mock.web.MockServletContext());
    return built.getMethod() + " " + built.getRequestURI();
  }
}
