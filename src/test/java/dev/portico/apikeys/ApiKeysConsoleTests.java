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
import dev.portico.accounts.UserChanges;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Company settings → Developer → API keys (KEY-1, KEY-2, KEY-4) through the console. */
@PorticoTest
class ApiKeysConsoleTests {

  private static final Pattern COPYABLE = Pattern.compile("data-copy=\"([A-Za-z0-9]+)\"");

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ApiKeyManagement management;
  @Autowired UserManagement userManagement;
  @Autowired ApiKeyDirectory directory;
  @Autowired JdbcClient jdbc;

  @Test
  void adminCreatesKeyForMemberThenSecretIsShownOnceAndNeverStoredInClear() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);

    MvcResult created =
        mvc.perform(
                createKey(acme, "CI pipeline", bob, "OAuth2Read", "OAuth2Write")
                    .with(as(acme.admin())))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(content().string(containsString("cannot be shown again")))
            .andExpect(content().string(containsString("Never commit it to source code")))
            .andReturn();

    ApiKey key = onlyKey(acme);
    String secret = secretOn(created, key);
    assertThat(secret).matches("[A-Za-z0-9]{32,128}");
    assertThat(created.getFlashMap().isEmpty()).isTrue();
    assertThat(created.getResponse().getRedirectedUrl()).isNull();
    assertThat(key.userId()).isEqualTo(bob.id());
    assertThat(key.scopes()).containsExactlyInAnyOrder(Scope.OAuth2Read, Scope.OAuth2Write);
    assertThat(directory.verifyBasic(key.accessKey(), secret).keyId()).isEqualTo(key.id());

    mvc.perform(get("/accounts/{id}/developer/api-keys", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(key.accessKey())))
        .andExpect(content().string(containsString("CI pipeline")))
        .andExpect(content().string(containsString(bob.email())))
        .andExpect(content().string(containsString("never")))
        .andExpect(content().string(not(containsString(secret))));
    assertThat(columnsOfRow(key)).noneMatch(value -> value.contains(secret));
  }

  @Test
  void adminDeletesKeyAfterConfirmationThatNamesItThenKeyIsGone() throws Exception {
    Company acme = fixtures.company("Acme");
    ApiKey key = issue(acme, acme.admin(), "Nightly export");

    mvc.perform(get("/accounts/{id}/developer/api-keys", acme.id()).with(as(acme.admin())))
        .andExpect(
            content()
                .string(
                    containsString(
                        "data-confirm=\"Delete the API key “Nightly export” ("
                            + key.accessKey()
                            + ")? Everything that uses it stops working. This cannot be undone.\"")));
    mvc.perform(
            post("/accounts/{id}/developer/api-keys/{key}/delete", acme.id(), key.id())
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(redirectedUrl("/accounts/" + acme.id() + "/developer/api-keys"));

    assertThat(management.key(key.id())).isEmpty();
  }

  @Test
  void keyCanNotBeDeletedWithGet() throws Exception {
    Company acme = fixtures.company("Acme");
    ApiKey key = issue(acme, acme.admin(), "Kept");

    mvc.perform(
            get("/accounts/{id}/developer/api-keys/{key}/delete", acme.id(), key.id())
                .with(as(acme.admin())))
        .andExpect(status().is4xxClientError());

    assertThat(management.key(key.id())).isPresent();
  }

  @Test
  void memberAndLightUserGetNotFoundOnCompanyApiKeyPages() throws Exception {
    Company acme = fixtures.company("Acme");
    ApiKey key = issue(acme, acme.admin(), "Admin's key");
    for (User user :
        List.of(
            fixtures.member(acme, Role.MEMBER, License.FULL),
            fixtures.member(acme, Role.MEMBER, License.LIGHT))) {
      mvc.perform(get("/accounts/{id}/developer/api-keys", acme.id()).with(as(user)))
          .andExpect(status().isNotFound());
      mvc.perform(get("/accounts/{id}/developer/api-keys/new", acme.id()).with(as(user)))
          .andExpect(status().isNotFound());
      mvc.perform(createKey(acme, "Mine now", user, "OAuth2Read").with(as(user)))
          .andExpect(status().isNotFound());
      mvc.perform(
              post("/accounts/{id}/developer/api-keys/{key}/delete", acme.id(), key.id())
                  .with(as(user))
                  .with(csrf()))
          .andExpect(status().isNotFound());
    }
    assertThat(management.keys(acme.id())).extracting(ApiKey::id).containsExactly(key.id());
  }

  @Test
  void adminOfAnotherCompanyGetsNotFoundAndCanNotDeleteTheKeyByGuessingItsId() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    ApiKey key = issue(acme, acme.admin(), "Acme's key");

    mvc.perform(get("/accounts/{id}/developer/api-keys", acme.id()).with(as(globex.admin())))
        .andExpect(status().isNotFound());
    mvc.perform(get("/accounts/{id}/developer/api-keys/new", acme.id()).with(as(globex.admin())))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/developer/api-keys/{key}/delete", acme.id(), key.id())
                .with(as(globex.admin()))
                .with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/{id}/developer/api-keys/{key}/delete", globex.id(), key.id())
                .with(as(globex.admin()))
                .with(csrf()))
        .andExpect(status().isNotFound());

    assertThat(management.key(key.id())).isPresent();
  }

  @Test
  void operatorSeesEveryCompanysKeys() throws Exception {
    Company acme = fixtures.company("Acme");
    ApiKey key = issue(acme, acme.admin(), "Seen by the operator");

    mvc.perform(get("/accounts/{id}/developer/api-keys", acme.id()).with(as(fixtures.operator())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(key.accessKey())));
  }

  @Test
  void personalAccountKeysAreNotManagedUnderCompanySettings() throws Exception {
    Company acme = fixtures.company("Acme");

    mvc.perform(
            get("/accounts/{id}/developer/api-keys", acme.admin().personalAccountId())
                .with(as(acme.admin())))
        .andExpect(status().isNotFound());
  }

  @Test
  void keyCreatedOnAnEnterprisesHostIsBoundToThatStack() throws Exception {
    Company initech = fixtures.enterprise("Initech");
    String domain = Objects.requireNonNull(initech.account().domain());

    mvc.perform(
            createKey(initech, "On the enterprise stack", initech.admin(), "OAuth2Read")
                .header("Host", domain + ":8443")
                .with(as(initech.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(domain)));

    assertThat(onlyKey(initech).stackKey()).isEqualTo(initech.id().toString());
  }

  @Test
  void keyCreatedOnThePublicHostIsBoundToThePublicStack() throws Exception {
    Company initech = fixtures.enterprise("Initech");

    mvc.perform(
            createKey(initech, "On the public stack", initech.admin(), "OAuth2Read")
                .header("Host", "localhost:8080")
                .with(as(initech.admin())))
        .andExpect(status().isOk());

    assertThat(onlyKey(initech).stackKey()).isEqualTo("public");
  }

  @Test
  void keyWithoutScopesIsRefusedNextToTheScopesAndTheNameIsKept() throws Exception {
    Company acme = fixtures.company("Acme");

    mvc.perform(createKey(acme, "Scopeless", acme.admin()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("choose at least one scope")))
        .andExpect(content().string(containsString("value=\"Scopeless\"")));

    assertThat(management.keys(acme.id())).isEmpty();
  }

  @Test
  void keyWithoutNameIsRefused() throws Exception {
    Company acme = fixtures.company("Acme");

    mvc.perform(createKey(acme, "  ", acme.admin(), "OAuth2Read").with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name-error")))
        .andExpect(content().string(containsString("is required")));

    assertThat(management.keys(acme.id())).isEmpty();
  }

  @Test
  void keyNameWithHtmlIsRefusedAndNeverEchoedUnescaped() throws Exception {
    Company acme = fixtures.company("Acme");

    mvc.perform(
            createKey(acme, "<script>alert(1)</script>", acme.admin(), "OAuth2Read")
                .with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name-error")))
        .andExpect(content().string(not(containsString("<script>alert(1)"))))
        .andExpect(content().string(containsString("&lt;script&gt;alert(1)")));

    assertThat(management.keys(acme.id())).isEmpty();
  }

  @Test
  void keyCanNotActForAUserOfAnotherCompany() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");

    mvc.perform(
            createKey(acme, "Cross-tenant", globex.admin(), "OAuth2Read").with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("userId-error")))
        .andExpect(content().string(containsString("is not a user of this account")));

    assertThat(management.keys(acme.id())).isEmpty();
    assertThat(management.keys(globex.id())).isEmpty();
  }

  @Test
  void keyWithAnUnknownScopeIsRefused() throws Exception {
    Company acme = fixtures.company("Acme");

    mvc.perform(
            createKey(acme, "Tampered", acme.admin(), "OAuth2Read", "Admin").with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("a scope that does not exist")));

    assertThat(management.keys(acme.id())).isEmpty();
  }

  @Test
  void createFormOffersOnlyActiveMembersOfTheCompanyAndEveryScope() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    Company globex = fixtures.company("Globex");

    mvc.perform(get("/accounts/{id}/developer/api-keys/new", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(bob.email())))
        .andExpect(content().string(not(containsString(globex.admin().email()))))
        .andExpect(content().string(containsString(Scope.OAuth2Purchase.description())));
  }

  @Test
  void keysTableSortsByName() throws Exception {
    Company acme = fixtures.company("Acme");
    issue(acme, acme.admin(), "Alpha");
    issue(acme, acme.admin(), "Bravo");

    String page =
        mvc.perform(
                get("/accounts/{id}/developer/api-keys", acme.id())
                    .param("sort", "name")
                    .param("dir", "asc")
                    .with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page.indexOf(">Alpha<")).isPositive().isLessThan(page.indexOf(">Bravo<"));
  }

  @Test
  void keysTableAnswersHtmxWithTheTableOnly() throws Exception {
    Company acme = fixtures.company("Acme");
    ApiKey key = issue(acme, acme.admin(), "Partial");

    String body =
        mvc.perform(
                get("/accounts/{id}/developer/api-keys", acme.id())
                    .param("sort", "name")
                    .header("HX-Request", "true")
                    .with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body.strip()).startsWith("<div id=\"api-keys-table\">").doesNotContain("<html");
    assertThat(body).contains(key.accessKey());
  }

  @Test
  void keyOfASuspendedUserIsMarkedAsSuch() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    ApiKey bobs = issue(acme, bob, "Bob key");
    ApiKey admins = issue(acme, acme.admin(), "Admin key");
    assertThat(keyRow(acme, bobs)).doesNotContain(">suspended<");

    userManagement.changeUser(
        Actor.SYSTEM, acme.id(), bob.id(), new UserChanges(null, null, UserState.SUSPENDED));

    assertThat(keyRow(acme, bobs))
        .contains("Bob key", "class=\"badge warn\"", ">suspended<")
        .contains("The key does not work while its user is suspended.");
    assertThat(keyRow(acme, admins)).contains("Admin key").doesNotContain(">suspended<");
  }

  /** The table row of this key on the company's API keys page, as its admin sees it. */
  private String keyRow(Company company, ApiKey key) throws Exception {
    String page =
        mvc.perform(
                get("/accounts/{id}/developer/api-keys", company.id()).with(as(company.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    int at = page.indexOf(key.accessKey());
    assertThat(at).as("the key %s is listed", key.accessKey()).isPositive();
    return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
  }

  @Test
  void emptyStateSaysWhatToDoNext() throws Exception {
    Company acme = fixtures.company("Acme");

    mvc.perform(get("/accounts/{id}/developer/api-keys", acme.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("No API keys yet.")));
  }

  private static MockHttpServletRequestBuilder createKey(
      Company company, String name, User user, String... scopes) {
    MockHttpServletRequestBuilder request =
        post("/accounts/{id}/developer/api-keys/new", company.id())
            .with(csrf())
            .param("name", name)
            .param("userId", user.id().toString());
    return scopes.length == 0 ? request : request.param("scopes", scopes);
  }

  private ApiKey issue(Company company, User user, String name) {
    return management
        .create(
            Actor.SYSTEM,
            company.id(),
            new NewApiKey(name, user.id(), Set.of(Scope.OAuth2Read)),
            new Stack(null, "localhost"))
        .key();
  }

  private ApiKey onlyKey(Company company) {
    List<ApiKey> keys = management.keys(company.id());
    assertThat(keys).hasSize(1);
    return keys.get(0);
  }

  /** The secret the creation page offers to copy: the copyable value that is not the access key. */
  static String secretOn(MvcResult result, ApiKey key) throws Exception {
    Matcher m = COPYABLE.matcher(result.getResponse().getContentAsString());
    List<String> copyable = new ArrayList<>();
    while (m.find()) {
      copyable.add(m.group(1));
    }
    assertThat(copyable).contains(key.accessKey()).hasSize(2);
    return copyable.stream().filter(v -> !v.equals(key.accessKey())).findFirst().orElseThrow();
  }

  private List<String> columnsOfRow(ApiKey key) {
    Map<String, Object> row =
        jdbc.sql("select * from key_api_key where id = :id")
            .param("id", key.id())
            .query()
            .singleRow();
    return row.values().stream().map(String::valueOf).toList();
  }
}
