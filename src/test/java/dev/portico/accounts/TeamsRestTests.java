package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.Actor;
import dev.portico.system.ResultPage;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/accounts/{accountId}/teams} (SPEC §13, TEN-3). */
@PorticoTest
class TeamsRestTests {

  private static final ResultPage.Request ALL =
      new ResultPage.Request(0, ResultPage.Request.MAX_SIZE);

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired GroupManagement groupManagement;

  @Test
  void adminCreatesReadsRenamesAndDeletesTeam() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String body =
        mvc.perform(
                post("/api/accounts/{id}/teams", acme.id())
                    .header("Authorization", auth)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"name\":\"Engineering\",\"memberIds\":[\"%s\",\"%s\"]}"
                            .formatted(acme.admin().id(), bob.id())))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.name").value("Engineering"))
            .andExpect(jsonPath("$.memberIds.length()").value(2))
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID teamId = UUID.fromString(body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));

    mvc.perform(
            get("/api/accounts/{id}/teams/{tid}", acme.id(), teamId).header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(teamId.toString()));
    mvc.perform(get("/api/accounts/{id}/teams", acme.id()).header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].name").value("Engineering"));

    mvc.perform(
            patch("/api/accounts/{id}/teams/{tid}", acme.id(), teamId)
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Platform\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Platform"))
        .andExpect(jsonPath("$.memberIds.length()").value(2));
    mvc.perform(
            patch("/api/accounts/{id}/teams/{tid}", acme.id(), teamId)
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"memberIds\":[\"%s\"]}".formatted(bob.id())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Platform"))
        .andExpect(jsonPath("$.memberIds[0]").value(bob.id().toString()));
    assertThat(groupManagement.group(GroupKind.TEAM, acme.id(), teamId).memberIds())
        .containsExactly(bob.id());

    mvc.perform(
            delete("/api/accounts/{id}/teams/{tid}", acme.id(), teamId)
                .header("Authorization", auth))
        .andExpect(status().isNoContent());
    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void teamsListIsPagedByName() throws Exception {
    Company acme = fixtures.company("Acme");
    for (String name : new String[] {"Charlie", "Alpha", "Bravo"}) {
      groupManagement.create(
          Actor.SYSTEM, GroupKind.TEAM, acme.id(), GroupDraft.team(name, Set.of()));
    }
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    mvc.perform(
            get("/api/accounts/{id}/teams", acme.id())
                .param("page", "1")
                .param("size", "2")
                .header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].name").value("Charlie"));
  }

  @Test
  void acmeAdminGetsNotFoundForGlobexTeamEvenUnderAcmePath() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    Group globexTeam =
        groupManagement.create(
            Actor.SYSTEM,
            GroupKind.TEAM,
            globex.id(),
            GroupDraft.team("Secret", Set.of(globex.admin().id())));
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    mvc.perform(
            get("/api/accounts/{id}/teams/{tid}", acme.id(), globexTeam.id())
                .header("Authorization", auth))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/accounts/{id}/teams/{tid}", globex.id(), globexTeam.id())
                .header("Authorization", auth))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/accounts/{id}/teams", globex.id()).header("Authorization", auth))
        .andExpect(status().isNotFound());
    mvc.perform(
            patch("/api/accounts/{id}/teams/{tid}", acme.id(), globexTeam.id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Hijacked\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/accounts/{id}/teams/{tid}", acme.id(), globexTeam.id())
                .header("Authorization", auth))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/accounts/{id}/teams", globex.id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Planted\"}"))
        .andExpect(status().isNotFound());
    assertThat(groupManagement.group(GroupKind.TEAM, globex.id(), globexTeam.id()).name())
        .isEqualTo("Secret");
    assertThat(groupManagement.groups(GroupKind.TEAM, globex.id(), ALL).items()).hasSize(1);
  }

  @Test
  void teamWithUserOfAnotherCompanyIsRefusedWith422() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    mvc.perform(
            post("/api/accounts/{id}/teams", acme.id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"name\":\"Mixed\",\"memberIds\":[\"%s\"]}".formatted(globex.admin().id())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("memberIds"));
    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void teamWithoutNameIsRefusedWith422() throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    mvc.perform(
            post("/api/accounts/{id}/teams", acme.id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"memberIds\":[]}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("name"));
    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void nullOrMalformedMemberIdIsRefusedWith400() throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    mvc.perform(
            post("/api/accounts/{id}/teams", acme.id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Nulls\",\"memberIds\":[null]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("memberIds[0]"))
        .andExpect(jsonPath("$.errors[0].message").value("must not be null"));
    mvc.perform(
            post("/api/accounts/{id}/teams", acme.id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Bad\",\"memberIds\":[\"bob\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("memberIds[0]"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a UUID"));
    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void memberGetsNotFoundOnTeams() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    IssuedApiKey member = apiKeys.issue(bob);
    mvc.perform(
            get("/api/accounts/{id}/teams", acme.id())
                .header("Authorization", TestApiKeys.basic(member)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/accounts/{id}/teams", acme.id())
                .header("Authorization", TestApiKeys.basic(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Mine\"}"))
        .andExpect(status().isNotFound());
    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
  }
}
