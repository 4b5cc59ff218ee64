package dev.portico.accounts;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Users' emails appear in REST responses only for credentials that hold {@code OAuth2ReadPII} (SPEC
 * §13); otherwise the field is left out, not sent as null.
 */
@PorticoTest
class UserEmailsRestTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;

  @Test
  void userListHasEmailsOnlyWithReadPii() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    call(withoutPii(acme.admin()), get("/api/accounts/{id}/users", acme.id()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.items[0].id").exists())
        .andExpect(jsonPath("$.items[0].email").doesNotExist())
        .andExpect(jsonPath("$.items[1].email").doesNotExist());
    call(withPii(acme.admin()), get("/api/accounts/{id}/users", acme.id()).param("q", bob.email()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].email").value(bob.email()));
  }

  @Test
  void searchCanNotConfirmAnEmailWithoutReadPii() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    call(
            withoutPii(acme.admin()),
            get("/api/accounts/{id}/users", acme.id()).param("q", bob.email()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));
    call(
            withoutPii(acme.admin()),
            get("/api/accounts/{id}/users", acme.id()).param("q", bob.name()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1));
  }

  @Test
  void readUserHasEmailOnlyWithReadPii() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    String path = "/api/accounts/{id}/users/{userId}";
    call(withoutPii(acme.admin()), get(path, acme.id(), bob.id()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(bob.id().toString()))
        .andExpect(jsonPath("$.email").doesNotExist());
    call(withPii(acme.admin()), get(path, acme.id(), bob.id()))
        .andExpect(jsonPath("$.email").value(bob.email()));
    // A user reading themself is no exception.
    call(withoutPii(bob), get(path, acme.id(), bob.id()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.email").doesNotExist());
    call(withPii(bob), get(path, acme.id(), bob.id()))
        .andExpect(jsonPath("$.email").value(bob.email()));
  }

  @Test
  void addedUserHasEmailOnlyWithReadPii() throws Exception {
    Company acme = fixtures.company("Acme");
    call(withoutPii(acme.admin()), newUser(acme, "carol"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").exists())
        .andExpect(jsonPath("$.email").doesNotExist());
    String email = "dora-" + acme.tag() + "@acme.test";
    call(withPii(acme.admin()), newUser(acme, "dora"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.email").value(email));
  }

  @Test
  void changedUserHasEmailOnlyWithReadPii() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    call(withoutPii(acme.admin()), change(acme, bob, "LIGHT"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.license").value("LIGHT"))
        .andExpect(jsonPath("$.email").doesNotExist());
    call(withPii(acme.admin()), change(acme, bob, "FULL"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.email").value(bob.email()));
  }

  @Test
  void sessionInfoKeepsTheReferenceShapeWithNullCompanyAndRole() throws Exception {
    User dave = fixtures.individual();
    call(withoutPii(dave), get("/api/users/sessioninfo"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(dave.id().toString()))
        .andExpect(jsonPath("$.email").doesNotExist())
        .andExpect(jsonPath("$.isLight").value(false))
        .andExpect(jsonPath("$.light").doesNotExist())
        .andExpect(jsonPath("$.company").value((Object) null))
        .andExpect(jsonPath("$.role").value((Object) null))
        .andExpect(jsonPath("$.clientId").doesNotExist())
        .andExpect(jsonPath("$.oauth2Scopes").value(6));
    call(withPii(dave), get("/api/users/sessioninfo"))
        .andExpect(jsonPath("$.email").value(dave.email()));
  }

  private MockHttpServletRequestBuilder newUser(Company acme, String name) {
    return post("/api/accounts/{id}/users", acme.id())
        .contentType(MediaType.APPLICATION_JSON)
        .content(
            """
            {"email":"%s-%s@acme.test","name":"%s","role":"MEMBER","license":"FULL"}
            """
                .formatted(name, acme.tag(), name));
  }

  private static MockHttpServletRequestBuilder change(Company acme, User user, String license) {
    return patch("/api/accounts/{id}/users/{userId}", acme.id(), user.id())
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"license\":\"" + license + "\"}");
  }

  private IssuedApiKey withoutPii(User user) {
    return apiKeys.issue(user, Scope.OAuth2Read, Scope.OAuth2Write);
  }

  private IssuedApiKey withPii(User user) {
    return apiKeys.issue(user, Scope.OAuth2Read, Scope.OAuth2Write, Scope.OAuth2ReadPII);
  }

  private ResultActions call(IssuedApiKey key, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.header("Authorization", TestApiKeys.basic(key)));
  }
}
