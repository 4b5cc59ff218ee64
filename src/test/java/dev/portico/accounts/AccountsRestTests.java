package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import dev.portico.system.ResultPage;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/accounts} (SPEC §13, TEN-5): provisioning by the operator. */
@PorticoTest
class AccountsRestTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired AccountManagement management;
  @Autowired UserManagement userManagement;

  @Test
  void operatorCreatesCompanyWithFirstAdmin() throws Exception {
    IssuedApiKey ops = apiKeys.issue(fixtures.operator());
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "first-admin-" + tag + "@initech.test";
    String id =
        mvc.perform(
                post("/api/accounts")
                    .header("Authorization", TestApiKeys.basic(ops))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"type":"COMPANY","name":"Initech %s","plan":"PROFESSIONAL",
                         "admin":{"email":"%s","name":"Ina Admin","password":"long-enough-password"}}
                        """
                            .formatted(tag, email)))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString("/api/accounts/")))
            .andExpect(jsonPath("$.type").value("COMPANY"))
            .andExpect(jsonPath("$.name").value("Initech " + tag))
            .andExpect(jsonPath("$.plan").value("PROFESSIONAL"))
            .andExpect(jsonPath("$.allocationStart").isNotEmpty())
            .andExpect(jsonPath("$.allocationOverride").isEmpty())
            .andReturn()
            .getResponse()
            .getContentAsString()
            .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    User admin = userManagement.userByEmail(email).orElseThrow();
    assertThat(admin.companyId()).isEqualTo(UUID.fromString(id));
    assertThat(admin.role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void operatorCreatesEnterpriseOnlyWithDomain() throws Exception {
    IssuedApiKey ops = apiKeys.issue(fixtures.operator());
    String tag = UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(
            post("/api/accounts")
                .header("Authorization", TestApiKeys.basic(ops))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"type":"ENTERPRISE","name":"Umbrella %s","plan":"ENTERPRISE",
                     "admin":{"email":"ua-%s@umbrella.test","name":"Ua"}}
                    """
                        .formatted(tag, tag)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("domain"));
    mvc.perform(
            post("/api/accounts")
                .header("Authorization", TestApiKeys.basic(ops))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"type":"ENTERPRISE","name":"Umbrella %s","plan":"ENTERPRISE",
                     "domain":"umbrella-%s.portico.test",
                     "admin":{"email":"ua-%s@umbrella.test","name":"Ua"}}
                    """
                        .formatted(tag, tag, tag)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.domain").value("umbrella-" + tag + ".portico.test"));
  }

  @Test
  void createAccountWhenFieldsInvalidThen422NamesEachFieldAndStoresNothing() throws Exception {
    IssuedApiKey ops = apiKeys.issue(fixtures.operator());
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "never-" + tag + "@initech.test";
    mvc.perform(
            post("/api/accounts")
                .header("Authorization", TestApiKeys.basic(ops))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"type":"COMPANY","name":"<b>bold</b>",
                     "admin":{"email":"%s","name":"","password":"short"}}
                    """
                        .formatted(email)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/invalid-input"))
        .andExpect(jsonPath("$.title").value("Invalid input"))
        .andExpect(jsonPath("$.status").value(422))
        .andExpect(jsonPath("$.detail").isNotEmpty())
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("plan")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("admin.name")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("admin.password")));
    assertThat(userManagement.userByEmail(email)).isEmpty();
  }

  @Test
  void createAccountWhenTypeUnknownThen400NamesFieldAndAllowedValues() throws Exception {
    IssuedApiKey ops = apiKeys.issue(fixtures.operator());
    mvc.perform(
            post("/api/accounts")
                .header("Authorization", TestApiKeys.basic(ops))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"type":"GALAXY","name":"Far away","plan":"FREE",
                     "admin":{"email":"x@far.test","name":"X"}}
                    """))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("type"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("ENTERPRISE")))
        .andExpect(content().string(not(containsString("GALAXY"))));
  }

  @Test
  void createAccountWhenJsonMalformedThen400Problem() throws Exception {
    IssuedApiKey ops = apiKeys.issue(fixtures.operator());
    mvc.perform(
            post("/api/accounts")
                .header("Authorization", TestApiKeys.basic(ops))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"COMPANY\", \"name\": "))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/malformed-body"))
        .andExpect(jsonPath("$.title").isNotEmpty())
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.detail").isNotEmpty());
  }

  @Test
  void nonOperatorGetsNotFoundOnAccountProvisioning() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    String tag = UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(
            post("/api/accounts")
                .header("Authorization", TestApiKeys.basic(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"type":"COMPANY","name":"Sneaky","plan":"FREE",
                     "admin":{"email":"sneaky-%s@x.test","name":"S"}}
                    """
                        .formatted(tag)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(userManagement.userByEmail("sneaky-" + tag + "@x.test")).isEmpty();
    mvc.perform(get("/api/accounts").header("Authorization", TestApiKeys.basic(admin)))
        .andExpect(status().isNotFound());
    mvc.perform(
            patch("/api/accounts/{id}", acme.id())
                .header("Authorization", TestApiKeys.basic(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\":\"ENTERPRISE\"}"))
        .andExpect(status().isNotFound());
    assertThat(management.account(acme.id()).orElseThrow().plan()).isEqualTo(Plan.PROFESSIONAL);
  }

  @Test
  void operatorSearchesAccountsByTypeAndText() throws Exception {
    Company acme = fixtures.company("Searchable");
    IssuedApiKey ops = apiKeys.issue(fixtures.operator());
    mvc.perform(
            get("/api/accounts")
                .param("type", "COMPANY")
                .param("q", acme.tag())
                .header("Authorization", TestApiKeys.basic(ops)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(25))
        .andExpect(jsonPath("$.items[0].id").value(acme.id().toString()))
        .andExpect(jsonPath("$.items[0].name").value(acme.account().name()));
    mvc.perform(
            get("/api/accounts")
                .param("type", "ENTERPRISE")
                .param("q", acme.tag())
                .header("Authorization", TestApiKeys.basic(ops)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));
    mvc.perform(
            get("/api/accounts")
                .param("type", "GALAXY")
                .header("Authorization", TestApiKeys.basic(ops)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("type"));
  }

  @Test
  void operatorChangesPlanAndAllocationThenClearsOverride() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey ops = apiKeys.issue(fixtures.operator());
    mvc.perform(
            patch("/api/accounts/{id}", acme.id())
                .header("Authorization", TestApiKeys.basic(ops))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"plan":"ENTERPRISE","allocationOverride":123456,"allocationStart":"2026-02-01"}
                    """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.plan").value("ENTERPRISE"))
        .andExpect(jsonPath("$.allocationOverride").value(123456))
        .andExpect(jsonPath("$.allocationStart").value("2026-02-01"))
        .andExpect(jsonPath("$.name").value(acme.account().name()));
    mvc.perform(
            patch("/api/accounts/{id}", acme.id())
                .header("Authorization", TestApiKeys.basic(ops))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"clearAllocationOverride\":true}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.allocationOverride").isEmpty())
        .andExpect(jsonPath("$.plan").value("ENTERPRISE"));
    mvc.perform(
            patch("/api/accounts/{id}", acme.id())
                .header("Authorization", TestApiKeys.basic(ops))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"allocationOverride\":-1,\"allocationStart\":\"soon\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("allocationStart"));
    mvc.perform(
            patch("/api/accounts/{id}", acme.id())
                .header("Authorization", TestApiKeys.basic(ops))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"allocationOverride\":-1}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("allocationOverride"));
    assertThat(management.account(acme.id()).orElseThrow().allocationOverride()).isNull();
  }

  @Test
  void adminReadsOwnCompanyButNotAnother() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    IssuedApiKey admin = apiKeys.issue(acme.admin());
    mvc.perform(
            get("/api/accounts/{id}", acme.id()).header("Authorization", TestApiKeys.basic(admin)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(acme.id().toString()))
        .andExpect(jsonPath("$.type").value("COMPANY"));
    mvc.perform(
            get("/api/accounts/{id}", globex.id())
                .header("Authorization", TestApiKeys.basic(admin)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/accounts/{id}", UUID.randomUUID())
                .header("Authorization", TestApiKeys.basic(admin)))
        .andExpect(status().isNotFound());
  }

  @Test
  void memberCanNotReadTheirCompanyAccount() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey member = apiKeys.issue(fixtures.member(acme, Role.MEMBER, License.FULL));
    mvc.perform(
            get("/api/accounts/{id}", acme.id()).header("Authorization", TestApiKeys.basic(member)))
        .andExpect(status().isNotFound());
  }

  @Test
  void meIsTheCallersPersonalAccount() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    IssuedApiKey key = apiKeys.issue(bob);
    mvc.perform(get("/api/accounts/me").header("Authorization", TestApiKeys.basic(key)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(bob.personalAccountId().toString()))
        .andExpect(jsonPath("$.type").value("INDIVIDUAL"));
    mvc.perform(get("/api/accounts/ME").header("Authorization", TestApiKeys.basic(key)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(bob.personalAccountId().toString()));
  }

  @Test
  void accountsListIsPaged() throws Exception {
    IssuedApiKey ops = apiKeys.issue(fixtures.operator());
    ResultPage<Account> all = management.searchAccounts(null, null, new ResultPage.Request(0, 200));
    mvc.perform(
            get("/api/accounts")
                .param("page", "1")
                .param("size", "2")
                .header("Authorization", TestApiKeys.basic(ops)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.items.length()").value(2));
    assertThat(all.total()).isGreaterThanOrEqualTo(4);
  }
}
