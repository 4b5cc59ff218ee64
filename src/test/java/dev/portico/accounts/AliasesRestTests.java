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
import dev.portico.system.ResultPage;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/accounts/{accountId}/aliases} (SPEC §13, TEN-3). */
@PorticoTest
class AliasesRestTests {

  private static final ResultPage.Request ALL =
      new ResultPage.Request(0, ResultPage.Request.MAX_SIZE);

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired GroupManagement groupManagement;

  @Test
  void adminCreatesReadsChangesAndDeletesAlias() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    Group team =
        groupManagement.create(
            Actor.SYSTEM, GroupKind.TEAM, acme.id(), GroupDraft.team("Engineering", Set.of()));
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
    assertThat(groupManagement.groups(GroupKind.ALIAS, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void aliasWithTeamOfAnotherCompanyIsRefusedWith422() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    Group globexTeam =
        groupManagement.create(
            Actor.SYSTEM, GroupKind.TEAM, globex.id(), GroupDraft.team("Sales", Set.of()));
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    mvc.perform(
            post("/api/accounts/{id}/aliases", acme.id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"leak\",\"teamIds\":[\"%s\"]}".formatted(globexTeam.id())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("teamIds"));
    assertThat(groupManagement.groups(GroupKind.ALIAS, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void acmeAdminGetsNotFoundForGlobexAlias() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    Group globexAlias =
        groupManagement.create(
            Actor.SYSTEM,
            GroupKind.ALIAS,
            globex.id(),
            new GroupDraft("sales", Set.of(globex.admin().id()), Set.of()));
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
    assertThat(groupManagement.group(GroupKind.ALIAS, globex.id(), globexAlias.id()).name())
        .isEqualTo("sales");
  }
}
