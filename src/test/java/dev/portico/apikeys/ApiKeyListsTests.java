package dev.portico.apikeys;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.NewUser;
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
import dev.portico.system.ResultPage;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The API-key tables sort, page and count in the database, in both places (company, personal), and
 * the "Acts for" picker offers a bounded, searchable set of active members.
 */
@PorticoTest
class ApiKeyListsTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ApiKeyManagement management;
  @Autowired UserManagement userManagement;
  @Autowired JdbcClient jdbc;

  @Test
  void companyKeysSortByTheirUsersNameInEitherDirection() throws Exception {
    Company acme = fixtures.company("Acme");
    User zed = member(acme, "Zed Sorted");
    User amy = member(acme, "amy sorted");
    issue(acme, zed, "key of zed");
    issue(acme, amy, "key of amy");

    String ascending = page(acme, "user", "asc");
    String descending = page(acme, "user", "desc");

    assertThat(ascending.indexOf(">key of amy<"))
        .isPositive()
        .isLessThan(ascending.indexOf(">key of zed<"));
    assertThat(descending.indexOf(">key of zed<"))
        .isPositive()
        .isLessThan(descending.indexOf(">key of amy<"));
  }

  @Test
  void neverUsedKeysCountAsTheOldestWhenSortedByLastUse() throws Exception {
    Company acme = fixtures.company("Acme");
    ApiKey used = issue(acme, acme.admin(), "used key");
    issue(acme, acme.admin(), "unused key");
    jdbc.sql("update key_api_key set last_used_at = current_timestamp where id = :id")
        .param("id", used.id())
        .update();

    String ascending = page(acme, "lastUsed", "asc");
    String descending = page(acme, "lastUsed", "desc");

    assertThat(ascending.indexOf(">unused key<")).isLessThan(ascending.indexOf(">used key<"));
    assertThat(descending.indexOf(">used key<")).isLessThan(descending.indexOf(">unused key<"));
  }

  @Test
  void keysTablePagesInTheDatabase() throws Exception {
    Company acme = fixtures.company("Acme");
    for (int i = 0; i < 26; i++) {
      issue(acme, acme.admin(), "Key %02d".formatted(i));
    }

    String first = page(acme, "name", "asc");
    String second =
        body(
            get("/accounts/{id}/developer/api-keys", acme.id())
                .param("sort", "name")
                .param("dir", "asc")
                .param("page", "1"),
            acme.admin());

    assertThat(first)
        .contains("26 API key(s)", ">Key 24<", "Page 1 of 2")
        .doesNotContain(">Key 25<");
    assertThat(first).contains("sort=name&amp;dir=asc&amp;page=1");
    assertThat(second).contains(">Key 25<").doesNotContain(">Key 24<");
  }

  @Test
  void keptCountFollowsCreationsAndDeletions() throws Exception {
    Company acme = fixtures.company("Acme");
    issue(acme, acme.admin(), "one");
    ApiKey two = issue(acme, acme.admin(), "two");
    issue(acme, acme.admin(), "three");
    management.delete(Actor.SYSTEM, acme.id(), two.id());

    assertThat(page(acme, "created", "desc")).contains("2 API key(s)");
    assertThat(
            management
                .keys(acme.id(), ApiKeyOrder.CREATED, false, new ResultPage.Request(0, 25))
                .total())
        .isEqualTo(2);
    assertThat(
            jdbc.sql("select count(*) from key_api_key where account_id = :a")
                .param("a", acme.id())
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void personalKeysCanNotBeSortedByUser() throws Exception {
    User dave = fixtures.individual();
    management.create(
        Actor.SYSTEM,
        dave.personalAccountId(),
        new NewApiKey("mine", dave.id(), Set.of(Scope.OAuth2Read)),
        new Stack(null, "localhost"));

    String body = body(get("/my/developer/api-keys").param("sort", "user"), dave);

    assertThat(body).contains(">mine<").doesNotContain("aria-sort=\"ascending\"");
  }

  @Test
  void actsForSearchOffersOnlyMatchingActiveMembersOfTheCompany() throws Exception {
    Company acme = fixtures.company("Acme");
    User match = member(acme, "Quincy Match");
    User other = member(acme, "Rita Other");
    User suspended = member(acme, "Quincy Suspended");
    userManagement.changeUser(
        Actor.SYSTEM, acme.id(), suspended.id(), new UserChanges(null, null, UserState.SUSPENDED));
    Company globex = fixtures.company("Globex");
    User stranger = member(globex, "Quincy Stranger");

    String options =
        body(
            get("/accounts/{id}/developer/api-keys/new/user-choices", acme.id())
                .param("q", "quincy")
                .param("userId", other.id().toString())
                .header("HX-Request", "true"),
            acme.admin());

    assertThat(options)
        .doesNotContain("<html")
        .contains(match.email(), "selected")
        .contains(other.email())
        .doesNotContain(suspended.email(), stranger.email());
  }

  @Test
  void historyRestoreOfTheKeysTableGetsTheWholePage() throws Exception {
    Company acme = fixtures.company("Acme");

    String partial =
        body(
            get("/accounts/{id}/developer/api-keys", acme.id()).header("HX-Request", "true"),
            acme.admin());
    String restored =
        body(
            get("/accounts/{id}/developer/api-keys", acme.id())
                .header("HX-Request", "true")
                .header("HX-History-Restore-Request", "true"),
            acme.admin());

    assertThat(partial).doesNotContain("<html");
    assertThat(restored).contains("<html");
  }

  private String page(Company company, String sort, String dir) throws Exception {
    return body(
        get("/accounts/{id}/developer/api-keys", company.id())
            .param("sort", sort)
            .param("dir", dir),
        company.admin());
  }

  private String body(MockHttpServletRequestBuilder request, User user) throws Exception {
    return mvc.perform(request.with(as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
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

  /** A member without a password: nothing to hash. */
  private User member(Company company, String name) {
    String email =
        "k-" + UUID.randomUUID().toString().substring(0, 8) + "@" + company.tag() + ".test";
    return TestAccounts.created(
        userManagement.addUser(
            Actor.SYSTEM, company.id(), new NewUser(email, name, Role.MEMBER, License.FULL, null)));
  }
}
