package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Invitations to join a company over REST (TEN-6, SPEC §13). */
@PorticoTest
class InvitationsRestTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired UserManagement users;
  @Autowired InvitationManagement invitations;
  @Autowired JdbcClient jdbc;

  @Test
  void invitedUserAcceptsThenJoinsWithTheRoleAndLicenseTheAdminChose() throws Exception {
    Company acme = fixtures.company("Acme");
    User dave = fixtures.individual();
    UUID invitation = invite(acme, dave, "ADMIN", "LIGHT");

    mvc.perform(
            get("/api/accounts/{id}/invitations", acme.id()).header("Authorization", admin(acme)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(invitation.toString()))
        .andExpect(jsonPath("$.items[0].state").value("PENDING"));
    IssuedApiKey daves = apiKeys.issue(dave);
    mvc.perform(get("/api/users/me/invitations").header("Authorization", TestApiKeys.basic(daves)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(invitation.toString()));

    mvc.perform(
            post("/api/users/me/invitations/{id}/accept", invitation)
                .header("Authorization", TestApiKeys.basic(daves)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.accountId").value(acme.id().toString()))
        .andExpect(jsonPath("$.role").value("ADMIN"))
        .andExpect(jsonPath("$.license").value("LIGHT"));

    User joined = users.user(dave.id()).orElseThrow();
    assertThat(joined.companyId()).isEqualTo(acme.id());
    assertThat(joined.personalAccountId()).isEqualTo(dave.personalAccountId());
    assertThat(invitations.invitation(acme.id(), invitation).state())
        .isEqualTo(InvitationState.ACCEPTED);
    mvc.perform(
            post("/api/users/me/invitations/{id}/accept", invitation)
                .header("Authorization", TestApiKeys.basic(daves)))
        .andExpect(status().isConflict());
  }

  @Test
  void addingTheSameEmailTwiceKeepsOnePendingInvitation() throws Exception {
    Company acme = fixtures.company("Acme");
    User dave = fixtures.individual();
    UUID first = invite(acme, dave, "MEMBER", "FULL");
    UUID second = invite(acme, dave, "MEMBER", "FULL");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void memberOfAnotherCompanyCanNotAcceptUntilTheyLeaveIt() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User gus = fixtures.member(globex, Role.MEMBER, License.FULL);
    UUID invitation = invite(acme, gus, "MEMBER", "FULL");
    IssuedApiKey personal =
        apiKeys.issue(
            gus, gus.personalAccountId(), new dev.portico.accounts.Stack(null, "localhost"));

    mvc.perform(
            post("/api/users/me/invitations/{id}/accept", invitation)
                .header("Authorization", TestApiKeys.basic(personal)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already")));
    assertThat(users.user(gus.id()).orElseThrow().companyId()).isEqualTo(globex.id());
  }

  @Test
  void onlyTheInviteeCanAnswerAndOnlyTheCompanysAdminsCanSeeOrWithdraw() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    User dave = fixtures.individual();
    User eve = fixtures.individual();
    UUID invitation = invite(acme, dave, "MEMBER", "FULL");
    String eves = TestApiKeys.basic(apiKeys.issue(eve));

    mvc.perform(
            post("/api/users/me/invitations/{id}/accept", invitation).header("Authorization", eves))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/users/me/invitations/{id}/decline", invitation)
                .header("Authorization", eves))
        .andExpect(status().isNotFound());
    String globexAdmin = admin(globex);
    mvc.perform(
            get("/api/accounts/{id}/invitations/{inv}", globex.id(), invitation)
                .header("Authorization", globexAdmin))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/accounts/{id}/invitations/{inv}", acme.id(), invitation)
                .header("Authorization", globexAdmin))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/accounts/{id}/invitations/{inv}", acme.id(), invitation)
                .header("Authorization", globexAdmin))
        .andExpect(status().isNotFound());
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    mvc.perform(
            get("/api/accounts/{id}/invitations", acme.id())
                .header("Authorization", TestApiKeys.basic(apiKeys.issue(bob))))
        .andExpect(status().isNotFound());
    assertThat(users.user(dave.id()).orElseThrow().companyId()).isNull();
  }

  @Test
  void withdrawnDeclinedAndExpiredInvitationsCanNotBeAccepted() throws Exception {
    Company acme = fixtures.company("Acme");
    User dave = fixtures.individual();
    String daves = TestApiKeys.basic(apiKeys.issue(dave));

    UUID withdrawn = invite(acme, dave, "MEMBER", "FULL");
    mvc.perform(
            delete("/api/accounts/{id}/invitations/{inv}", acme.id(), withdrawn)
                .header("Authorization", admin(acme)))
        .andExpect(status().isNoContent());
    mvc.perform(
            post("/api/users/me/invitations/{id}/accept", withdrawn).header("Authorization", daves))
        .andExpect(status().isConflict());

    UUID declined = invite(acme, dave, "MEMBER", "FULL");
    assertThat(declined).isNotEqualTo(withdrawn);
    mvc.perform(
            post("/api/users/me/invitations/{id}/decline", declined).header("Authorization", daves))
        .andExpect(status().isNoContent());
    mvc.perform(
            post("/api/users/me/invitations/{id}/accept", declined).header("Authorization", daves))
        .andExpect(status().isConflict());

    UUID expired = invite(acme, dave, "MEMBER", "FULL");
    jdbc.sql("update acc_invitation set expires_at = :past where id = :id")
        .param("past", java.time.OffsetDateTime.now().minusMinutes(1))
        .param("id", expired)
        .update();
    mvc.perform(
            post("/api/users/me/invitations/{id}/accept", expired).header("Authorization", daves))
        .andExpect(status().isConflict());
    mvc.perform(
            get("/api/accounts/{id}/invitations/{inv}", acme.id(), expired)
                .header("Authorization", admin(acme)))
        .andExpect(jsonPath("$.state").value("EXPIRED"));
    assertThat(users.user(dave.id()).orElseThrow().companyId()).isNull();
  }

  @Test
  void twoInvitationsAcceptedAtOnceMakeTheUserAMemberOfExactlyOneCompany() throws Exception {
    for (int round = 0; round < 5; round++) {
      Company a = fixtures.company("RaceA");
      Company b = fixtures.company("RaceB");
      User dave = fixtures.individual();
      UUID toA = invite(a, dave, "MEMBER", "FULL");
      UUID toB = invite(b, dave, "MEMBER", "FULL");
      Actor actor = new Actor(dave.id(), dave.email(), false, null);
      List<Callable<Boolean>> both = new ArrayList<>();
      for (UUID invitation : List.of(toA, toB)) {
        both.add(
            () -> {
              try {
                invitations.accept(actor, dave.id(), invitation);
                return true;
              } catch (dev.portico.system.Conflict refused) {
                return false;
              }
            });
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        long accepted = 0;
        for (Future<Boolean> f : pool.invokeAll(both)) {
          accepted += f.get() ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
      User after = users.user(dave.id()).orElseThrow();
      assertThat(after.companyId()).isIn(a.id(), b.id());
    }
  }

  @Test
  void invitationsAreAudited() throws Exception {
    Company acme = fixtures.company("Acme");
    User dave = fixtures.individual();
    UUID invitation = invite(acme, dave, "MEMBER", "FULL");
    invitations.decline(new Actor(dave.id(), dave.email(), false, null), dave.id(), invitation);
    List<String> actions =
        jdbc.sql("select action from aud_entry where account_id = :a order by occurred_at")
            .param("a", acme.id())
            .query(String.class)
            .list();
    assertThat(actions).contains("invitation.sent", "invitation.declined");
  }

  private UUID invite(Company company, User user, String role, String license) throws Exception {
    String body =
        mvc.perform(
                post("/api/accounts/{id}/users", company.id())
                    .header("Authorization", admin(company))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"email\":\"%s\",\"name\":\"x\",\"role\":\"%s\",\"license\":\"%s\"}"
                            .formatted(user.email().toUpperCase(), role, license)))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.state").value("PENDING"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(JsonPath.read(body, "$.id"));
  }

  private String admin(Company company) {
    return TestApiKeys.basic(apiKeys.issue(company.admin()));
  }
}
