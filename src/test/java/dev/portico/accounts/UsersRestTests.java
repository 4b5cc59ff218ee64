package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/accounts/{accountId}/users} (SPEC §13, TEN-2). */
@PorticoTest
class UsersRestTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired AccountManagement management;
  @Autowired UserManagement userManagement;

  @Test
  void adminListsAndSearchesUsersOfTheirCompany() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    mvc.perform(
            get("/api/accounts/{id}/users", acme.id())
                .header("Authorization", TestApiKeys.basic(admin)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.items[*].email").value(hasItem(acme.admin().email())))
        .andExpect(jsonPath("$.items[*].email").value(hasItem(bob.email())))
        .andExpect(content().string(not(containsString("password"))));
    mvc.perform(
            get("/api/accounts/{id}/users", acme.id())
                .param("q", bob.email())
                .header("Authorization", TestApiKeys.basic(admin)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(bob.id().toString()))
        .andExpect(jsonPath("$.items[0].role").value("MEMBER"))
        .andExpect(jsonPath("$.items[0].license").value("LIGHT"))
        .andExpect(jsonPath("$.items[0].state").value("ACTIVE"))
        .andExpect(jsonPath("$.items[0].accountId").value(acme.id().toString()));
  }

  @Test
  void adminAddsUserThenUserIsInTheCompany() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    String email = "carol-" + acme.tag() + "@acme.test";
    mvc.perform(
            post("/api/accounts/{id}/users", acme.id())
                .header("Authorization", TestApiKeys.basic(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"email":"%s","name":"Carol","role":"ADMIN","license":"FULL",
                     "password":"a-long-password"}
                    """
                        .formatted(email)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", containsString("/users/")))
        .andExpect(jsonPath("$.email").value(email))
        .andExpect(jsonPath("$.role").value("ADMIN"))
        .andExpect(jsonPath("$.accountId").value(acme.id().toString()))
        .andExpect(content().string(not(containsString("password"))));
    User carol = userManagement.userByEmail(email).orElseThrow();
    assertThat(carol.isAdminOf(acme.id())).isTrue();
  }

  @Test
  void addUserWhenFieldsInvalidThen422NamesEachFieldAndStoresNothing() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    mvc.perform(
            post("/api/accounts/{id}/users", acme.id())
                .header("Authorization", TestApiKeys.basic(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"not-an-email\",\"name\":\"\\u0007bell\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("email")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("license")));
    assertThat(userManagement.members(acme.id())).hasSize(1);
  }

  @Test
  void addUserWhenRoleUnknownThen400() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    mvc.perform(
            post("/api/accounts/{id}/users", acme.id())
                .header("Authorization", TestApiKeys.basic(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"email\":\"x-"
                        + acme.tag()
                        + "@acme.test\",\"name\":\"X\",\"role\":\"OWNER\",\"license\":\"FULL\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("role"))
        .andExpect(jsonPath("$.errors[0].message").value("must be one of: ADMIN, MEMBER"));
    assertThat(userManagement.members(acme.id())).hasSize(1);
  }

  @Test
  void adminChangesRoleLicenseAndState() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    mvc.perform(
            patch("/api/accounts/{id}/users/{uid}", acme.id(), bob.id())
                .header("Authorization", TestApiKeys.basic(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"license\":\"LIGHT\",\"state\":\"SUSPENDED\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.license").value("LIGHT"))
        .andExpect(jsonPath("$.state").value("SUSPENDED"))
        .andExpect(jsonPath("$.role").value("MEMBER"));
    User changed = userManagement.user(bob.id()).orElseThrow();
    assertThat(changed.license()).isEqualTo(License.LIGHT);
    assertThat(changed.state()).isEqualTo(UserState.SUSPENDED);
  }

  @Test
  void demotingTheLastAdminAnswers422AndChangesNothing() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    mvc.perform(
            patch("/api/accounts/{id}/users/{uid}", acme.id(), acme.admin().id())
                .header("Authorization", TestApiKeys.basic(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"MEMBER\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("role"));
    assertThat(userManagement.user(acme.admin().id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void adminRemovesUserWhoKeepsTheirPersonalAccount() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    mvc.perform(
            delete("/api/accounts/{id}/users/{uid}", acme.id(), bob.id())
                .header("Authorization", TestApiKeys.basic(admin)))
        .andExpect(status().isNoContent());
    User left = userManagement.user(bob.id()).orElseThrow();
    assertThat(left.companyId()).isNull();
    assertThat(management.account(left.personalAccountId())).isPresent();
    mvc.perform(
            get("/api/accounts/{id}/users/{uid}", acme.id(), bob.id())
                .header("Authorization", TestApiKeys.basic(admin)))
        .andExpect(status().isNotFound());
  }

  @Test
  void removingTheLastAdminAnswers409Problem() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    mvc.perform(
            delete("/api/accounts/{id}/users/{uid}", acme.id(), acme.admin().id())
                .header("Authorization", TestApiKeys.basic(admin)))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(containsString("at least one active admin")));
    assertThat(userManagement.user(acme.admin().id()).orElseThrow().companyId())
        .isEqualTo(acme.id());
  }

  @Test
  void memberReadsThemselfButGetsNotFoundOnAdminEndpoints() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    IssuedApiKey member = apiKeys.issue(bob);
    mvc.perform(
            get("/api/accounts/{id}/users/{uid}", acme.id(), bob.id())
                .header("Authorization", TestApiKeys.basic(member)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.email").value(bob.email()));
    mvc.perform(
            get("/api/accounts/{id}/users/{uid}", acme.id(), acme.admin().id())
                .header("Authorization", TestApiKeys.basic(member)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/accounts/{id}/users", acme.id())
                .header("Authorization", TestApiKeys.basic(member)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/accounts/{id}/users", acme.id())
                .header("Authorization", TestApiKeys.basic(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"email\":\"m-"
                        + acme.tag()
                        + "@acme.test\",\"name\":\"M\",\"license\":\"FULL\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(
            patch("/api/accounts/{id}/users/{uid}", acme.id(), bob.id())
                .header("Authorization", TestApiKeys.basic(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"ADMIN\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/accounts/{id}/users/{uid}", acme.id(), acme.admin().id())
                .header("Authorization", TestApiKeys.basic(member)))
        .andExpect(status().isNotFound());
    assertThat(userManagement.members(acme.id())).hasSize(2);
    assertThat(userManagement.user(bob.id()).orElseThrow().role()).isEqualTo(Role.MEMBER);
  }

  @Test
  void adminOfAcmeGetsNotFoundOnGlobexUsers() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    String auth = TestApiKeys.basic(admin);
    mvc.perform(get("/api/accounts/{id}/users", globex.id()).header("Authorization", auth))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/accounts/{id}/users/{uid}", globex.id(), globex.admin().id())
                .header("Authorization", auth))
        .andExpect(status().isNotFound());
    // A Globex user under Acme's path is no more visible.
    mvc.perform(
            get("/api/accounts/{id}/users/{uid}", acme.id(), globex.admin().id())
                .header("Authorization", auth))
        .andExpect(status().isNotFound());
    mvc.perform(
            patch("/api/accounts/{id}/users/{uid}", acme.id(), globex.admin().id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"SUSPENDED\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/accounts/{id}/users/{uid}", acme.id(), globex.admin().id())
                .header("Authorization", auth))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/accounts/{id}/users/{uid}", globex.id(), globex.admin().id())
                .header("Authorization", auth))
        .andExpect(status().isNotFound());
    User gina = userManagement.user(globex.admin().id()).orElseThrow();
    assertThat(gina.isActive()).isTrue();
    assertThat(gina.companyId()).isEqualTo(globex.id());
  }

  @Test
  void operatorManagesUsersOfAnyCompany() throws Exception {
    Company globex = fixtures.company("Globex");
    IssuedApiKey ops = apiKeys.issue(fixtures.operator());
    mvc.perform(
            get("/api/accounts/{id}/users/{uid}", globex.id(), globex.admin().id())
                .header("Authorization", TestApiKeys.basic(ops)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.role").value("ADMIN"));
  }

  @Test
  void keyWithoutWriteScopeGets403OnPostAndStoresNothing() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey readOnly = apiKeys.issue(acme.admin(), Scope.OAuth2Read, Scope.OAuth2Delete);
    mvc.perform(
            post("/api/accounts/{id}/users", acme.id())
                .header("Authorization", TestApiKeys.basic(readOnly))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"email\":\"w-"
                        + acme.tag()
                        + "@acme.test\",\"name\":\"W\",\"license\":\"FULL\"}"))
        .andExpect(status().isForbidden());
    assertThat(userManagement.members(acme.id())).hasSize(1);
  }

  @Test
  void keyWithoutDeleteScopeGets403OnDelete() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    IssuedApiKey noDelete = apiKeys.issue(acme.admin(), Scope.OAuth2Read, Scope.OAuth2Write);
    mvc.perform(
            delete("/api/accounts/{id}/users/{uid}", acme.id(), bob.id())
                .header("Authorization", TestApiKeys.basic(noDelete)))
        .andExpect(status().isForbidden());
    assertThat(userManagement.user(bob.id()).orElseThrow().companyId()).isEqualTo(acme.id());
  }

  @Test
  void keyWithoutReadScopeGets403OnGet() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey writeOnly = apiKeys.issue(acme.admin(), Scope.OAuth2Write);
    mvc.perform(
            get("/api/accounts/{id}/users", acme.id())
                .header("Authorization", TestApiKeys.basic(writeOnly)))
        .andExpect(status().isForbidden());
  }

  @Test
  void invalidUserIdInPathAnswers400WithoutEchoingIt() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    mvc.perform(
            get("/api/accounts/{id}/users/{uid}", acme.id(), "not-a-uuid-xyz")
                .header("Authorization", TestApiKeys.basic(admin)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("userId"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a UUID"))
        .andExpect(jsonPath("$.detail").value(not(containsString("not-a-uuid-xyz"))));
    mvc.perform(
            get("/api/accounts/{id}/users", "acme")
                .header("Authorization", TestApiKeys.basic(admin)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("accountId"));
  }

  @Test
  void unknownUserAnswers404Problem() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    mvc.perform(
            get("/api/accounts/{id}/users/{uid}", acme.id(), UUID.randomUUID())
                .header("Authorization", TestApiKeys.basic(admin)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/not-found"))
        .andExpect(jsonPath("$.title").value("Not found"))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("User not found"));
  }
}
