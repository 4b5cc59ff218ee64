package dev.portico.accounts;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PorticoTest
class UsersConsoleTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired UserManagement userManagement;

  @Test
  void adminAddsUserWhenFormIsValidThenUserIsListed() throws Exception {
    Company acme = fixtures.company("Acme");
    mvc.perform(
            post("/accounts/{id}/users/new", acme.id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("email", "new-" + acme.tag() + "@acme.test")
                .param("name", "New Person")
                .param("role", "MEMBER")
                .param("license", "FULL"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/accounts/{id}/users", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.containsString("new-" + acme.tag() + "@acme.test")));
  }

  @Test
  void lastAdminCanNotBeDemoted() throws Exception {
    Company acme = fixtures.company("Acme");
    mvc.perform(
            post("/accounts/{id}/users/{uid}", acme.id(), acme.admin().id())
                .with(as(acme.admin()))
                .with(csrf())
                .param("role", "MEMBER"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("at least one active admin")));
    assertThat(userManagement.user(acme.admin().id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void adminOfAnotherCompanyCanNotSeeUsers() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    mvc.perform(get("/accounts/{id}/users", acme.id()).with(as(globex.admin())))
        .andExpect(status().isNotFound());
  }
}
