package dev.portico.accounts;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** My account → Invitations and the admins' pending list (TEN-6). */
@PorticoTest
class InvitationsConsoleTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired UserManagement users;
  @Autowired InvitationManagement invitations;

  @Test
  void inviteeSeesTheInvitationAndJoinsByAccepting() throws Exception {
    Company acme = fixtures.company("Acme");
    User dave = fixtures.individual();
    UUID invitation = invite(acme, dave);

    mvc.perform(get("/my/invitations").with(as(dave)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(acme.account().name())))
        .andExpect(content().string(containsString("Accept")));
    mvc.perform(post("/my/invitations/{id}/accept", invitation).with(as(dave)).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("flash", containsString("You joined")));
    assertThat(users.user(dave.id()).orElseThrow().companyId()).isEqualTo(acme.id());
  }

  @Test
  void anotherUserCanNotAnswerSomeoneElsesInvitation() throws Exception {
    Company acme = fixtures.company("Acme");
    User dave = fixtures.individual();
    User eve = fixtures.individual();
    UUID invitation = invite(acme, dave);

    mvc.perform(post("/my/invitations/{id}/accept", invitation).with(as(eve)).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(post("/my/invitations/{id}/decline", invitation).with(as(eve)).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/my/invitations").with(as(eve)))
        .andExpect(content().string(not(containsString(acme.account().name()))));
    assertThat(users.user(eve.id()).orElseThrow().companyId()).isNull();
    assertThat(users.user(dave.id()).orElseThrow().companyId()).isNull();
  }

  @Test
  void adminSeesPendingInvitationsAndWithdrawsOne() throws Exception {
    Company acme = fixtures.company("Acme");
    User dave = fixtures.individual();
    UUID invitation = invite(acme, dave);

    mvc.perform(get("/accounts/{id}/users", acme.id()).with(as(acme.admin())))
        .andExpect(content().string(containsString("Pending invitations")))
        .andExpect(content().string(containsString(dave.email())));
    mvc.perform(
            post("/accounts/{id}/users/invitations/{inv}/withdraw", acme.id(), invitation)
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("flash", containsString("withdrawn")));
    assertThat(invitations.invitation(acme.id(), invitation).state())
        .isEqualTo(InvitationState.WITHDRAWN);
    mvc.perform(post("/my/invitations/{id}/accept", invitation).with(as(dave)).with(csrf()))
        .andExpect(flash().attribute("flash", containsString("withdrawn")));
    assertThat(users.user(dave.id()).orElseThrow().companyId()).isNull();
  }

  @Test
  void adminOfAnotherCompanyCanNotWithdraw() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    UUID invitation = invite(acme, fixtures.individual());
    mvc.perform(
            post("/accounts/{id}/users/invitations/{inv}/withdraw", globex.id(), invitation)
                .with(as(globex.admin()))
                .with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/users/invitations/{inv}/withdraw", acme.id(), invitation)
                .with(as(globex.admin()))
                .with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(invitations.invitation(acme.id(), invitation).state())
        .isEqualTo(InvitationState.PENDING);
  }

  private UUID invite(Company company, User user) {
    UserAddition addition =
        users.addUser(
            new Actor(company.admin().id(), company.admin().email(), false, null),
            company.id(),
            new NewUser(user.email(), "x", Role.MEMBER, License.FULL, null));
    return ((UserAddition.Invited) addition).invitation().id();
  }
}
