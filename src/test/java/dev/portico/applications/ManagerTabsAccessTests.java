package dev.portico.applications;

import static dev.portico.applications.ManagerTabsFixtures.actor;
import static dev.portico.applications.ManagerTabsFixtures.register;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may open the manager tabs of an app (Keys and secret, Platform OAuth, External OAuth) and
 * send their forms, seen from an attacker's seat: a member, a light user, another company's admin
 * and an editor (a collaborator of the app) get 404 on every page and form, exactly as for an app
 * that does not exist, and nothing changes. The Extensions tab is open to editors too.
 */
@PorticoTest
class ManagerTabsAccessTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationCredentials credentials;
  @Autowired ApplicationOAuthSettings oauthSettings;
  @Autowired ApplicationDirectory directory;
  @Autowired ApplicationAccess access;

  @Test
  void onlyManagersReachTheKeysPlatformAndExternalOAuthPagesAndForms() throws Exception {
    Company acme = fixtures.company("Acme");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    User editor = fixtures.member(acme, Role.MEMBER, License.FULL);
    User otherAdmin = fixtures.company("Globex").admin();
    IssuedApplication issued =
        register(management, acme.admin(), acme.id(), editor.email(), light.email());
    Application app = issued.application();
    String current =
        credentials
            .regenerateSecret(actor(acme.admin()), app, SecretOverlap.ONE_HOUR)
            .clientSecret();
    oauthSettings.updateExternalOAuth(
        actor(acme.admin()),
        app,
        new ExternalOAuthDraft(
            "portico",
            "ext-secret",
            "https://a.example.com/auth",
            "https://a.example.com/token",
            ""));
    Application before = management.application(app.id()).orElseThrow();
    assertThat(access.roleOf(editor, before)).contains(ApplicationRole.EDITOR);
    for (MockHttpServletRequestBuilder page : pages(app.id())) {
      assertThat(status(page, acme.admin())).isEqualTo(200);
    }

    List<String> answered = new ArrayList<>();
    for (User attacker : List.of(member, light, otherAdmin, editor)) {
      for (MockHttpServletRequestBuilder request : managerRequests(app.id())) {
        int status = status(request, attacker);
        if (status != 404) {
          answered.add(attacker.email() + " " + describe(request) + " → " + status);
        }
      }
    }

    assertThat(answered).isEmpty();
    Application after = management.application(app.id()).orElseThrow();
    assertThat(after.secretCreatedAt()).isEqualTo(before.secretCreatedAt());
    assertThat(after.previousSecret()).isNotNull();
    assertThat(after.platformOAuth()).isEqualTo(before.platformOAuth());
    assertThat(directory.verifyClientSecret(app.clientId(), current)).isPresent();
    assertThat(directory.verifyClientSecret(app.clientId(), issued.clientSecret())).isPresent();
    assertThat(oauthSettings.externalOAuth(app.id()))
        .get()
        .extracting(ExternalOAuth::clientId)
        .isEqualTo("portico");
  }

  @Test
  void unknownApplicationIsNotFoundOnEveryTab() throws Exception {
    Company acme = fixtures.company("Acme");
    UUID unknown = UUID.randomUUID();

    List<String> answered = new ArrayList<>();
    List<MockHttpServletRequestBuilder> requests = new ArrayList<>(managerRequests(unknown));
    requests.add(get("/developer/oauth-applications/{id}/extensions", unknown));
    for (MockHttpServletRequestBuilder request : requests) {
      int status = status(request, acme.admin());
      if (status != 404) {
        answered.add(describe(request) + " → " + status);
      }
    }

    assertThat(answered).isEmpty();
  }

  @Test
  void malformedApplicationIdIsAClientErrorNeverA500() throws Exception {
    Company acme = fixtures.company("Acme");

    for (String path : List.of("keys", "platform-oauth", "external-oauth", "extensions")) {
      assertThat(status(get("/developer/oauth-applications/not-an-id/" + path), acme.admin()))
          .isBetween(400, 499);
    }
  }

  @Test
  void extensionsTabIsOpenToEditorsButNotToMembersLightUsersOrOtherCompanies() throws Exception {
    Company acme = fixtures.company("Acme");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    User editor = fixtures.member(acme, Role.MEMBER, License.FULL);
    User otherAdmin = fixtures.company("Globex").admin();
    Application app =
        register(management, acme.admin(), acme.id(), editor.email(), light.email()).application();
    Supplier<MockHttpServletRequestBuilder> tab =
        () -> get("/developer/oauth-applications/{id}/extensions", app.id());

    assertThat(status(tab.get(), acme.admin())).isEqualTo(200);
    assertThat(status(tab.get(), editor)).isEqualTo(200);
    assertThat(status(tab.get(), member)).isEqualTo(404);
    assertThat(status(tab.get(), light)).isEqualTo(404);
    assertThat(status(tab.get(), otherAdmin)).isEqualTo(404);
  }

  @Test
  void individualsAppIsNotFoundForAnotherIndividual() throws Exception {
    User owner = fixtures.individual();
    User stranger = fixtures.individual();
    Application app = register(management, owner, owner.personalAccountId()).application();

    for (MockHttpServletRequestBuilder page : pages(app.id())) {
      assertThat(status(page, owner)).isEqualTo(200);
    }
    for (MockHttpServletRequestBuilder request : managerRequests(app.id())) {
      assertThat(status(request, stranger)).as(describe(request)).isEqualTo(404);
    }
    assertThat(management.application(app.id()).orElseThrow().platformOAuth().accessTokenLifetime())
        .isEqualTo(Duration.ofHours(1));
  }

  /** The manager GET pages. */
  private static List<MockHttpServletRequestBuilder> pages(UUID appId) {
    String base = "/developer/oauth-applications/" + appId;
    return List.of(
        get(base + "/keys"), get(base + "/platform-oauth"), get(base + "/external-oauth"));
  }

  /** Every manager page and form, with well-formed input that a manager would get through. */
  private static List<MockHttpServletRequestBuilder> managerRequests(UUID appId) {
    String base = "/developer/oauth-applications/" + appId;
    Function<String, MockHttpServletRequestBuilder> form = path -> post(base + path).with(csrf());
    List<MockHttpServletRequestBuilder> requests = new ArrayList<>(pages(appId));
    requests.add(form.apply("/keys/regenerate").param("keepPreviousFor", "PT0S"));
    requests.add(form.apply("/keys/previous/revoke"));
    requests.add(
        form.apply("/platform-oauth")
            .param("accessTokenLifetime", "10")
            .param("accessTokenUnit", "minutes")
            .param("refreshTokenMode", "grant")
            .param("skipConsentForOwnCompany", "true"));
    requests.add(
        form.apply("/external-oauth")
            .param("clientId", "attacker")
            .param("clientSecret", "attacker-secret")
            .param("authorizationUrl", "https://evil.example.com/auth")
            .param("tokenUrl", "https://evil.example.com/token")
            .param("scopes", ""));
    requests.add(form.apply("/external-oauth/remove"));
    return requests;
  }

  private int status(MockHttpServletRequestBuilder request, User user) throws Exception {
    return mvc.perform(request.with(as(user))).andReturn().getResponse().getStatus();
  }

  private static String describe(MockHttpServletRequestBuilder request) {
    var built = request.buildRequest(new MockServletContext());
    return built.getMethod() + " " + built.getRequestURI();
  }
}
