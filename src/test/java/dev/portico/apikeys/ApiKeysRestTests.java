package dev.portico.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.Stack;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** API keys over REST (SPEC §13, KEY-1..4). */
@PorticoTest
class ApiKeysRestTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired ApiKeyManagement management;

  @Test
  void adminCreatesCompanyKeyWhoseSecretIsShownOnceAndNeverCached() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String created =
        mvc.perform(
                post("/api/developer/accounts/{id}/api-keys", acme.id())
                    .header("Authorization", auth)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"name":"CI for bob","userId":"%s","scopes":["OAuth2Read","OAuth2Write"]}
                        """
                            .formatted(bob.id())))
            .andExpect(status().isCreated())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(jsonPath("$.id").isNotEmpty())
            .andExpect(jsonPath("$.accessKey").isNotEmpty())
            .andExpect(jsonPath("$.secretKey").isNotEmpty())
            .andExpect(jsonPath("$.name").value("CI for bob"))
            .andExpect(jsonPath("$.userId").value(bob.id().toString()))
            .andExpect(jsonPath("$.scopes[0]").value("OAuth2Read"))
            .andExpect(jsonPath("$.scopes[1]").value("OAuth2Write"))
            .andExpect(jsonPath("$.createdAt").isNotEmpty())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String keyId = JsonPath.read(created, "$.id");
    String accessKey = JsonPath.read(created, "$.accessKey");
    String secretKey = JsonPath.read(created, "$.secretKey");

    mvc.perform(
            get("/api/developer/accounts/{id}/api-keys", acme.id()).header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[?(@.id == '" + keyId + "')].accessKey").value(accessKey))
        .andExpect(jsonPath("$.items[0].secretKey").doesNotExist())
        .andExpect(content().string(not(containsString(secretKey))))
        .andExpect(content().string(not(containsString("secretKey"))));

    String keyAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((accessKey + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
    mvc.perform(get("/api/users/sessioninfo").header("Authorization", keyAuth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(bob.id().toString()));
  }

  @Test
  void deletedKeyStopsWorkingAndIsGoneFromTheList() throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    IssuedApiKey victim = apiKeys.issue(acme.admin(), Scope.OAuth2Read);
    mvc.perform(get("/api/users/sessioninfo").header("Authorization", TestApiKeys.basic(victim)))
        .andExpect(status().isOk());
    mvc.perform(
            delete("/api/developer/api-keys/{kid}", victim.key().id())
                .header("Authorization", auth))
        .andExpect(status().isNoContent());
    assertThat(management.key(victim.key().id())).isEmpty();
    mvc.perform(get("/api/users/sessioninfo").header("Authorization", TestApiKeys.basic(victim)))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            delete("/api/developer/api-keys/{kid}", victim.key().id())
                .header("Authorization", auth))
        .andExpect(status().isNotFound());
  }

  @Test
  void individualCapAnswers409ProblemAndStoresNothing() throws Exception {
    User dave = fixtures.individual();
    IssuedApiKey first = apiKeys.issue(dave);
    String auth = TestApiKeys.basic(first);
    mvc.perform(
            post("/api/developer/accounts/me/api-keys")
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"second\",\"scopes\":[\"OAuth2Read\"]}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.userId").value(dave.id().toString()));
    mvc.perform(
            post("/api/developer/accounts/me/api-keys")
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"third\",\"scopes\":[\"OAuth2Read\"]}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/conflict"))
        .andExpect(jsonPath("$.detail").value(containsString("at most 2 active API keys")))
        .andExpect(content().string(not(containsString("secretKey"))));
    assertThat(management.keys(dave.personalAccountId())).hasSize(2);
    mvc.perform(get("/api/developer/accounts/me/api-keys").header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(2));
  }

  @Test
  void createKeyWhenFieldsInvalidThen422NamesEachField() throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    mvc.perform(
            post("/api/developer/accounts/{id}/api-keys", acme.id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\" \",\"scopes\":[]}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.errors[1].field").value("scopes"));
    mvc.perform(
            post("/api/developer/accounts/{id}/api-keys", acme.id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"k\",\"scopes\":[\"OAuth2Everything\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(containsString("scopes")))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("OAuth2Read")));
    assertThat(management.keys(acme.id())).hasSize(1);
  }

  @Test
  void keyForUserOfAnotherCompanyIsRefusedWith422() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    mvc.perform(
            post("/api/developer/accounts/{id}/api-keys", acme.id())
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"name\":\"k\",\"userId\":\"%s\",\"scopes\":[\"OAuth2Read\"]}"
                        .formatted(globex.admin().id())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("userId"));
  }

  @Test
  void memberAndOtherTenantsGetNotFound() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    IssuedApiKey acmeKey = apiKeys.issue(acme.admin());
    String member =
        TestApiKeys.basic(apiKeys.issue(fixtures.member(acme, Role.MEMBER, License.FULL)));
    String globexAdmin = TestApiKeys.basic(apiKeys.issue(globex.admin()));
    mvc.perform(
            get("/api/developer/accounts/{id}/api-keys", acme.id()).header("Authorization", member))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/developer/accounts/{id}/api-keys", acme.id())
                .header("Authorization", member)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"mine\",\"scopes\":[\"OAuth2Read\"]}"))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/developer/accounts/{id}/api-keys", acme.id())
                .header("Authorization", globexAdmin))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/developer/api-keys/{kid}", acmeKey.key().id())
                .header("Authorization", globexAdmin))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("API key not found"));
    mvc.perform(
            delete("/api/developer/api-keys/{kid}", acmeKey.key().id())
                .header("Authorization", member))
        .andExpect(status().isNotFound());
    assertThat(management.key(acmeKey.key().id())).isPresent();
  }

  @Test
  void keyWithoutWriteScopeCanNotCreateKeys() throws Exception {
    Company acme = fixtures.company("Acme");
    String readOnly = TestApiKeys.basic(apiKeys.issue(acme.admin(), Scope.OAuth2Read));
    mvc.perform(
            post("/api/developer/accounts/{id}/api-keys", acme.id())
                .header("Authorization", readOnly)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"escalate\",\"scopes\":[\"OAuth2Delete\"]}"))
        .andExpect(status().isForbidden());
    assertThat(management.keys(acme.id())).hasSize(1);
  }

  @Test
  void keyCanNotCreateKeyWithScopesItDoesNotHold() throws Exception {
    Company acme = fixtures.company("Acme");
    String readWrite =
        TestApiKeys.basic(apiKeys.issue(acme.admin(), Scope.OAuth2Read, Scope.OAuth2Write));
    mvc.perform(
            post("/api/developer/accounts/{id}/api-keys", acme.id())
                .header("Authorization", readWrite)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"escalate\",\"scopes\":[\"OAuth2Read\",\"OAuth2Delete\"]}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("scopes"));
    mvc.perform(
            post("/api/developer/accounts/{id}/api-keys", acme.id())
                .header("Authorization", readWrite)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"narrower\",\"scopes\":[\"OAuth2Read\"]}"))
        .andExpect(status().isCreated());
    assertThat(management.keys(acme.id())).hasSize(2);
  }

  @Test
  void keyWithoutDeleteScopeCanNotDeleteKeys() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey noDelete = apiKeys.issue(acme.admin(), Scope.OAuth2Read, Scope.OAuth2Write);
    mvc.perform(
            delete("/api/developer/api-keys/{kid}", noDelete.key().id())
                .header("Authorization", TestApiKeys.basic(noDelete)))
        .andExpect(status().isForbidden());
    assertThat(management.key(noDelete.key().id())).isPresent();
  }

  @Test
  void keyCreatedOnEnterpriseHostWorksOnlyThere() throws Exception {
    Company enterprise = fixtures.enterprise("Acme");
    String domain = Objects.requireNonNull(enterprise.account().domain());
    IssuedApiKey adminKey =
        apiKeys.issue(enterprise.admin(), enterprise.id(), new Stack(enterprise.id(), domain));
    String created =
        mvc.perform(
                post("/api/developer/accounts/{id}/api-keys", enterprise.id())
                    .header("Host", domain + ":8443")
                    .header("Authorization", TestApiKeys.basic(adminKey))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"stack-bound\",\"scopes\":[\"OAuth2Read\"]}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String accessKey = JsonPath.read(created, "$.accessKey");
    String secretKey = JsonPath.read(created, "$.secretKey");
    String keyAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((accessKey + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
    mvc.perform(
            get("/api/users/sessioninfo").header("Host", domain).header("Authorization", keyAuth))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/users/sessioninfo")
                .header("Host", "localhost")
                .header("Authorization", keyAuth))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.reason").value("wrong_stack"));
  }

  @Test
  void meListsTheCallersPersonalKeys() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    IssuedApiKey personal =
        apiKeys.issue(bob, bob.personalAccountId(), new Stack(null, "localhost"));
    mvc.perform(
            get("/api/developer/accounts/me/api-keys")
                .header("Authorization", TestApiKeys.basic(personal)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(personal.key().id().toString()));
    mvc.perform(
            get("/api/developer/accounts/{id}/api-keys", UUID.randomUUID())
                .header("Authorization", TestApiKeys.basic(personal)))
        .andExpect(status().isNotFound());
  }
}
