package dev.portico.audit;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.NewUser;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.Actor;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code GET /api/developer/accounts/{accountId}/audit} (SPEC §13, AUD-1): an account's admins, the
 * user themself for their personal account and the operator read it; anyone else gets 404.
 */
@PorticoTest
class AuditRestTests {

  private static final String AUDIT = "/api/developer/accounts/{accountId}/audit";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired UserManagement userManagement;
  @Autowired TestAuditEvents events;

  @Test
  void adminReadsTheCompanysEntriesWithActorActionTargetSourceIpAndChanges() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey key = key(acme.admin(), true);
    String email = addUser(acme, "carol");

    audit(key, acme.id().toString())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(25))
        .andExpect(jsonPath("$.total").value(Matchers.greaterThanOrEqualTo(2)))
        .andExpect(jsonPath("$.items[0].action").value("user.added"))
        .andExpect(jsonPath("$.items[0].target").value("user " + email))
        .andExpect(jsonPath("$.items[0].time").isNotEmpty())
        .andExpect(jsonPath("$.items[0].accountId").value(acme.id().toString()))
        .andExpect(jsonPath("$.items[0].actor.userId").value(acme.admin().id().toString()))
        .andExpect(jsonPath("$.items[0].actor.email").value(acme.admin().email()))
        .andExpect(jsonPath("$.items[0].actor.operator").value(false))
        .andExpect(jsonPath("$.items[0].sourceIp").value("192.0.2.44"))
        .andExpect(jsonPath("$.items[0].changes.role").value("MEMBER"));
  }

  @Test
  void withoutReadPiiEmailsAreLeftOutOfActorTargetAndChanges() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey key = key(acme.admin(), false);
    String email = addUser(acme, "dana");
    events.commit(
        TestAuditEvents.changed(acme.id(), "user.updated", "user " + email)
            .withDiff(Map.of("email", email + " → new-" + email, "role", "MEMBER → ADMIN")));

    audit(key, acme.id().toString())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].target").value("user (email hidden)"))
        .andExpect(jsonPath("$.items[0].changes.email").value("(email hidden) → (email hidden)"))
        .andExpect(jsonPath("$.items[0].changes.role").value("MEMBER → ADMIN"))
        .andExpect(jsonPath("$.items[0].actor.system").value(true))
        .andExpect(jsonPath("$.items[1].actor.userId").value(acme.admin().id().toString()))
        .andExpect(jsonPath("$.items[1].actor.email").doesNotExist())
        .andExpect(content().string(not(Matchers.containsString(email))))
        .andExpect(content().string(not(Matchers.containsString(acme.admin().email()))));
  }

  @Test
  void searchByTextWithoutReadPiiIsRefused() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey withoutPii = key(acme.admin(), false);
    IssuedApiKey withPii = key(acme.admin(), true);
    String email = addUser(acme, "erin");
    mvc.perform(
            get(AUDIT, acme.id())
                .param("q", email)
                .header("Authorization", TestApiKeys.basic(withoutPii)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("q"));
    mvc.perform(
            get(AUDIT, acme.id())
                .param("q", email)
                .param("action", "user.")
                .header("Authorization", TestApiKeys.basic(withPii)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].target").value("user " + email));
  }

  @Test
  void adminOfAnotherCompanyGets404() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    String email = addUser(acme, "frank");

    audit(key(globex.admin(), true), acme.id().toString())
        .andExpect(status().isNotFound())
        .andExpect(content().string(not(Matchers.containsString(email))));
    audit(key(globex.admin(), true), globex.id().toString())
        .andExpect(status().isOk())
        .andExpect(content().string(not(Matchers.containsString(email))));
  }

  @Test
  void memberGets404() throws Exception {
    Company acme = fixtures.company("Acme");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    audit(key(member, true), acme.id().toString()).andExpect(status().isNotFound());
  }

  @Test
  void unknownAccountGets404LikeAForeignOne() throws Exception {
    Company acme = fixtures.company("Acme");
    audit(key(acme.admin(), true), java.util.UUID.randomUUID().toString())
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/not-found"));
  }

  @Test
  void operatorReadsAnyAccount() throws Exception {
    Company acme = fixtures.company("Acme");
    User operator = fixtures.operator();
    String email = addUser(acme, "grace");

    audit(key(operator, true), acme.id().toString())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].target").value(hasItem("user " + email)));
  }

  @Test
  void userReadsTheirPersonalAccountAsMe() throws Exception {
    User dave = fixtures.individual();
    IssuedApiKey key = key(dave, true);
    events.commit(
        TestAuditEvents.changed(dave.personalAccountId(), "apikey.created", "API key mine")
            .by(new Actor(dave.id(), dave.email(), false, "192.0.2.9")));

    audit(key, "me")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].target").value("API key mine"))
        .andExpect(jsonPath("$.items[0].actor.email").value(dave.email()));
    audit(key, dave.personalAccountId().toString()).andExpect(status().isOk());
    // Another user's personal account is not theirs to read.
    User eve = fixtures.individual();
    audit(key, eve.personalAccountId().toString()).andExpect(status().isNotFound());
  }

  @Test
  void keyWithoutReadScopeIsRefused() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApiKey writeOnly = apiKeys.issue(acme.admin(), Scope.OAuth2Write);
    audit(writeOnly, acme.id().toString())
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.requiredScope").value("OAuth2Read"));
  }

  private String addUser(Company company, String name) {
    String email = name + "-" + company.tag() + "@" + company.tag() + ".test";
    userManagement.addUser(
        new Actor(company.admin().id(), company.admin().email(), false, "192.0.2.44"),
        company.id(),
        new NewUser(email, name, Role.MEMBER, License.FULL, null));
    return email;
  }

  private IssuedApiKey key(User user, boolean pii) {
    return pii
        ? apiKeys.issue(user, Scope.OAuth2Read, Scope.OAuth2ReadPII)
        : apiKeys.issue(user, Scope.OAuth2Read);
  }

  private ResultActions audit(IssuedApiKey key, String accountId) throws Exception {
    return mvc.perform(get(AUDIT, accountId).header("Authorization", TestApiKeys.basic(key)));
  }
}
