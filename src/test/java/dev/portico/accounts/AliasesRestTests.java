package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.Actor;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/accounts/{accountId}/aliases} (SPEC §13, TEN-3). */
@PorticoTest
class AliasesRestTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired GroupManagement groupManagement;

  @Test
  void adminCreatesReadsChangesAndDeletesAlias() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    Team team =
        groupManagement.createTeam(Actor.SYSTEM, acme.id(), new TeamDraft("Engineering", Set.of()));
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String body =
        mvc.perform(
                post("/api/accounts/{id}/aliases", acme.id())
                    .header("Authorization", auth)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"name\":\"cad-admins\",\"memberIds\":[\"%s\"],\"teamIds\":[\"%s\"]}"
                            .formatted(acme.admin().id(), team.id())))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.name").value("cad-admins"))
            .andExpect(jsonPath("$.memberIds[0]").value(acme.admin().id().toString()))
            .andExpect(jsonPath("$.teamIds[0]").value(team.id().toString()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID aliasId = UUID.fromString(body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));

    mvc.perform(get("/api/accounts/{id}/aliases", acme.id()).header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(aliasId.toString()));
    mvc.perform(
            patch("/api/accounts/{id}/aliases/{aid}", acme.id(), aliasId)
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"memberIds\":[\"%s\"],\"teamIds\":[]}".formatted(bob.id())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("cad-admins"))
        .andExpect(jsonPath("$.memberIds[0]").value(bob.id().toString()))
        .andExpect(jsonPath("$.teamIds.length()").value(0));
    mvc.perform(
            get("/api/accounts/{id}/aliases/{aid}", acme.id(), aliasId)
                .header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.memberIds[0]").value(bob.id().toString()));
    mvc.perform(
            delete("/api/accounts/{id}/aliases/{aid}", acme.id(), aliasId)
                .header("Authorization", auth))
        .andExpect(status().isNoContent());
    assertThat(groupManagement.aliases(acme.id())).isEmpty();
  }

  @Test
  void aliasWithTeamOfAnotherCompanyIsRefusedWith422() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    Team globexTeam =
        groupManagement.createTeam(Actor.SYSTEM, globex.id(), new TeamDraft("Sales", Set.of()));
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    mvc.perform(
            post("/api/accounts/{id}/aliases", acme.id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"leak\",\"teamIds\":[\"%s\"]}".formatted(globexTeam.id())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("teamIds"));
    assertThat(groupManagement.aliases(acme.id())).isEmpty();
  }

  @Test
  void acmeAdminGetsNotFoundForGlobexAlias() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    Alias globexAlias =
        groupManagement.createAlias(
            Actor.SYSTEM,
            globex.id(),
            new AliasDraft("sales", Set.of(globex.admin().id()), Set.of()));
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    mvc.perform(
            get("/api/accounts/{id}/aliases/{aid}", acme.id(), globexAlias.id())
                .header("Authorization", auth))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/accounts/{id}/aliases/{aid}", globex.id(), globexAlias.id())
                .header("Authorization", auth))
        .andExpect(status().isNotFound());
    mvc.perform(
            patch("/api/accounts/{id}/aliases/{aid}", acme.id(), globexAlias.id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"mine\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/accounts/{id}/aliases/{aid}", acme.id(), globexAlias.id())
                .header("Authorization", auth))
        .andExpect(status().isNotFound());
    assertThat(groupManagement.alias(globex.id(), globexAlias.id()).name()).isEqualTo("sales");
  }
}
