package dev.portico.apikeys;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.Stack;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** My account → Developer → API keys: a user's own keys and the individual cap (KEY-1). */
@PorticoTest
class MyApiKeysConsoleTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ApiKeyManagement management;

  @Test
  void individualCreatesTwoKeysAndTheThirdIsRefusedWithTheCapMessage() throws Exception {
    User dave = fixtures.individual();
    mvc.perform(createMyKey("First", "OAuth2Read").with(as(dave)))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "no-store"));
    mvc.perform(createMyKey("Second", "OAuth2Read").with(as(dave))).andExpect(status().isOk());

    mvc.perform(createMyKey("Third", "OAuth2Write").with(as(dave)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("at most 2 active API keys")))
        .andExpect(content().string(containsString("value=\"Third\"")))
        .andExpect(content().string(containsString("disabled=\"disabled\"")));

    assertThat(management.keys(dave.personalAccountId()))
        .extracting(ApiKey::name)
        .containsExactlyInAnyOrder("First", "Second");
  }

  @Test
  void createButtonIsDisabledWithTheReasonWhenTheCapIsReached() throws Exception {
    User dave = fixtures.individual();
    issue(dave, "One");
    issue(dave, "Two");

    mvc.perform(get("/my/developer/api-keys").with(as(dave)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("aria-describedby=\"cap-reason\"")))
        .andExpect(content().string(containsString("at most 2 active API keys")))
        .andExpect(content().string(not(containsString("/my/developer/api-keys/new\""))));
  }

  @Test
  void createButtonIsEnabledBelowTheCap() throws Exception {
    User dave = fixtures.individual();
    issue(dave, "One");

    mvc.perform(get("/my/developer/api-keys").with(as(dave)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/my/developer/api-keys/new\"")))
        .andExpect(content().string(not(containsString("cap-reason"))));
  }

  @Test
  void myKeyAlwaysActsForMeWhateverUserTheFormNames() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);

    mvc.perform(get("/my/developer/api-keys/new").with(as(bob)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("name=\"userId\""))));
    MvcResult created =
        mvc.perform(
                createMyKey("Personal", "OAuth2Read")
                    .param("userId", acme.admin().id().toString())
                    .with(as(bob)))
            .andExpect(status().isOk())
            .andReturn();

    List<ApiKey> keys = management.keys(bob.personalAccountId());
    assertThat(keys).extracting(ApiKey::userId).containsExactly(bob.id());
    assertThat(management.keys(acme.id())).isEmpty();
    String secret = ApiKeysConsoleTests.secretOn(created, keys.get(0));
    mvc.perform(get("/my/developer/api-keys").with(as(bob)))
        .andExpect(content().string(containsString(keys.get(0).accessKey())))
        .andExpect(content().string(not(containsString(secret))));
  }

  @Test
  void userDeletesTheirOwnKey() throws Exception {
    User dave = fixtures.individual();
    ApiKey key = issue(dave, "Old laptop");

    mvc.perform(post("/my/developer/api-keys/{key}/delete", key.id()).with(as(dave)).with(csrf()))
        .andExpect(redirectedUrl("/my/developer/api-keys"));

    assertThat(management.key(key.id())).isEmpty();
  }

  @Test
  void userCanNotDeleteSomeoneElsesKey() throws Exception {
    User dave = fixtures.individual();
    User eve = fixtures.individual();
    ApiKey key = issue(dave, "Dave's");

    mvc.perform(post("/my/developer/api-keys/{key}/delete", key.id()).with(as(eve)).with(csrf()))
        .andExpect(status().isNotFound());

    assertThat(management.key(key.id())).isPresent();
  }

  @Test
  void myKeysPageListsOnlyMyKeys() throws Exception {
    User dave = fixtures.individual();
    User eve = fixtures.individual();
    ApiKey mine = issue(dave, "Dave's");
    ApiKey theirs = issue(eve, "Eve's");

    mvc.perform(get("/my/developer/api-keys").with(as(dave)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(mine.accessKey())))
        .andExpect(content().string(not(containsString(theirs.accessKey()))));
  }

  @Test
  void invalidPersonalKeyIsRefusedNextToTheFields() throws Exception {
    User dave = fixtures.individual();

    mvc.perform(createMyKey("").with(as(dave)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name-error")))
        .andExpect(content().string(containsString("choose at least one scope")));

    assertThat(management.keys(dave.personalAccountId())).isEmpty();
  }

  private static MockHttpServletRequestBuilder createMyKey(String name, String... scopes) {
    MockHttpServletRequestBuilder request =
        post("/my/developer/api-keys/new").with(csrf()).param("name", name);
    return scopes.length == 0 ? request : request.param("scopes", scopes);
  }

  private ApiKey issue(User user, String name) {
    return management
        .create(
            Actor.SYSTEM,
            user.personalAccountId(),
            new NewApiKey(name, user.id(), Set.of(Scope.OAuth2Read)),
            new Stack(null, "localhost"))
        .key();
  }
}
