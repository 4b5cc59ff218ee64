package dev.portico.applications;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may open the OAuth applications console pages (APP-1, APP-4), from an attacker's seat: a
 * member, a light user and another company's admin get a 404 on every page and form of a company's
 * apps, exactly as for an app that does not exist; an individual's app is theirs alone; an editor
 * edits but does not delete.
 */
@PorticoTest
class ApplicationConsoleAccessTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ApplicationManagement management;

  @Test
  void memberLightUserAndOtherCompanysAdminGetNotFoundOnEveryPageAndForm() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    Application app =
        management.application(apps.register(acme.admin(), acme.id(), "Acme only").id()).get();
    List<User> outsiders =
        List.of(
            fixtures.member(acme, Role.MEMBER, License.FULL),
            fixtures.member(acme, Role.MEMBER, License.LIGHT),
            globex.admin());

    for (User outsider : outsiders) {
      for (MockHttpServletRequestBuilder request : everyRequest(acme.id(), app.id())) {
        int status = mvc.perform(request.with(as(outsider))).andReturn().getResponse().getStatus();
        assertThat(status).as(outsider.email() + " " + describe(request)).isEqualTo(404);
      }
    }

    assertThat(management.application(app.id())).contains(app);
    assertThat(management.count(acme.id())).isEqualTo(1);
  }

  @Test
  void anUnknownAppIdIsNotFoundEvenForTheOperator() throws Exception {
    Company acme = fixtures.company("Acme");
    User operator = fixtures.operator();

    for (MockHttpServletRequestBuilder request : appRequests(UUID.randomUUID())) {
      int status = mvc.perform(request.with(as(operator))).andReturn().getResponse().getStatus();
      assertThat(status).as(describe(request)).isEqualTo(404);
    }
    assertThat(
            mvc.perform(
                    get("/accounts/{id}/developer/oauth-applications", UUID.randomUUID())
                        .with(as(acme.admin())))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  void individualCanNotSeeAnotherIndividualsApp() throws Exception {
    User owner = fixtures.individual();
    User other = fixtures.individual();
    Application app = apps.register(owner, owner.personalAccountId(), "Private tool");

    for (MockHttpServletRequestBuilder request : appRequests(app.id())) {
      int status = mvc.perform(request.with(as(other))).andReturn().getResponse().getStatus();
      assertThat(status).as(describe(request)).isEqualTo(404);
    }
    String list =
        mvc.perform(get("/my/developer/oauth-applications").with(as(other)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).doesNotContain("Private tool").doesNotContain(app.clientId());
    assertThat(management.application(app.id())).isPresent();
  }

  @Test
  void collaboratorOpensDetailsSettingsAndPermissionsButCanNotDelete() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    Application app =
        apps.register(
            acme.admin(),
            acme.id(),
            ConsoleAppFixtures.draft("Shared", true, List.of(bob.email()), null));
    String base = "/developer/oauth-applications/" + app.id();

    for (String page : List.of("", "/settings", "/permissions")) {
      assertThat(status(get(base + page).with(as(bob)))).as(page).isEqualTo(200);
    }
    String details =
        mvc.perform(get(base).with(as(bob))).andReturn().getResponse().getContentAsString();
    assertThat(details).doesNotContain("Delete application").doesNotContain("/keys\"");
    assertThat(
            status(
                post(base + "/permissions")
                    .param("scopes", "OAuth2Read", "OAuth2Share")
                    .with(as(bob))
                    .with(csrf())))
        .isEqualTo(302);
    for (MockHttpServletRequestBuilder request :
        List.of(
            get(base + "/delete"),
            post(base + "/delete").with(csrf()),
            get(base + "/store-entry/new"),
            get(base + "/transfer"))) {
      assertThat(status(request.with(as(bob)))).as(describe(request)).isEqualTo(404);
    }
    assertThat(management.application(app.id())).isPresent();
  }

  private int status(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse().getStatus();
  }

  /** Every page and form of the company's list and of one of its apps. */
  private static List<MockHttpServletRequestBuilder> everyRequest(UUID companyId, UUID appId) {
    String list = "/accounts/" + companyId + "/developer/oauth-applications";
    List<MockHttpServletRequestBuilder> all = new ArrayList<>();
    all.add(get(list));
    all.add(get(list).header("HX-Request", "true"));
    all.add(get(list + "/new"));
    all.add(
        post(list + "/new")
            .params(
                OAuthApplicationsConsoleTests.params(
                    OAuthApplicationsConsoleTests.validForm(
                        "Planted", ConsoleAppFixtures.uniqueFormat())))
            .param("scopes", "OAuth2Read")
            .with(csrf()));
    all.addAll(appRequests(appId));
    return all;
  }

  /** Every page and form of one app this engineer's console adds. */
  private static List<MockHttpServletRequestBuilder> appRequests(UUID appId) {
    String base = "/developer/oauth-applications/" + appId;
    Map<String, String> settings =
        OAuthApplicationsConsoleTests.validForm("Hijacked", ConsoleAppFixtures.uniqueFormat());
    settings.remove("primaryFormat");
    return List.of(
        get(base),
        get(base + "/settings"),
        post(base + "/settings")
            .params(OAuthApplicationsConsoleTests.params(settings))
            .param("scopes", "OAuth2Read")
            .with(csrf()),
        get(base + "/permissions"),
        post(base + "/permissions").param("scopes", "OAuth2Read", "OAuth2Delete").with(csrf()),
        get(base + "/delete"),
        post(base + "/delete").with(csrf()),
        get(base + "/store-entry/new"),
        get(base + "/transfer"));
  }

  private static String describe(MockHttpServletRequestBuilder request) {
    var built = request.buildRequest(new org.springframework.mock.web.MockServletContext());
    return built.getMethod() + " " + built.getRequestURI();
  }
}
