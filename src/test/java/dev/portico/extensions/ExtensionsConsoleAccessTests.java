package dev.portico.extensions;

import static dev.portico.extensions.ExtensionDrafts.actor;
import static dev.portico.extensions.ExtensionDrafts.app;
import static dev.portico.extensions.ExtensionDrafts.valid;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Who may use the Extensions tab, from an attacker's seat: a member, a light user (even listed as a
 * collaborator), another company's admin, a forged app id, a forged extension id and an extension
 * of another app under this app's URL all get 404 on every page and form, and nothing changes. The
 * app's managers and editors get in.
 */
@PorticoTest
class ExtensionsConsoleAccessTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ExtensionManagement extensions;

  @Test
  void managersAndEditorsReachEveryPage() throws Exception {
    Company acme = fixtures.company("Acme");
    User editor = fixtures.member(acme, Role.MEMBER, License.FULL);
    Application app = app(apps, acme.admin(), acme.id(), editor.email());
    Extension ext = add(acme, app, "Panel");

    for (User user : List.of(acme.admin(), editor)) {
      for (AbstractMockHttpServletRequestBuilder<?> page : pages(app.id(), ext.id())) {
        assertThat(status(page, user)).as("%s %s", user.email(), describe(page)).isEqualTo(200);
      }
    }
  }

  @Test
  void membersLightUsersAndOtherCompaniesAdminsGetNotFoundEverywhere() throws Exception {
    Company acme = fixtures.company("Acme");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    User otherAdmin = fixtures.company("Globex").admin();
    Application app = app(apps, acme.admin(), acme.id(), light.email());
    Extension ext = add(acme, app, "Guarded");

    List<String> answered = new ArrayList<>();
    for (User attacker : List.of(member, light, otherAdmin)) {
      for (AbstractMockHttpServletRequestBuilder<?> request : everything(app.id(), ext.id())) {
        int status = status(request, attacker);
        if (status != 404) {
          answered.add(attacker.email() + " " + describe(request) + " → " + status);
        }
      }
    }

    assertThat(answered).isEmpty();
    assertThat(extensions.extensions(app.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.name()).isEqualTo("Guarded"));
  }

  @Test
  void forgedIdsAndAnotherAppsExtensionUnderThisAppsUrlAreNotFound() throws Exception {
    Company acme = fixtures.company("Acme");
    Application mine = app(apps, acme.admin(), acme.id());
    Application other = app(apps, acme.admin(), acme.id());
    Extension othersExt = add(acme, other, "Other's");

    List<String> answered = new ArrayList<>();
    List<AbstractMockHttpServletRequestBuilder<?>> requests = new ArrayList<>();
    requests.addAll(everything(UUID.randomUUID(), othersExt.id()));
    requests.addAll(extensionRequests(mine.id(), othersExt.id()));
    requests.addAll(extensionRequests(mine.id(), UUID.randomUUID()));
    for (AbstractMockHttpServletRequestBuilder<?> request : requests) {
      int status = status(request, acme.admin());
      if (status != 404) {
        answered.add(describe(request) + " → " + status);
      }
    }

    assertThat(answered).isEmpty();
    assertThat(extensions.extensions(mine.id())).isEmpty();
    assertThat(extensions.extension(other, othersExt.id()).name()).isEqualTo("Other's");
  }

  private Extension add(Company acme, Application app, String name) {
    return extensions.add(
        actor(acme.admin()),
        app,
        valid(name, ExtensionLocation.ELEMENT_RIGHT_PANEL),
        IconChange.KEEP);
  }

  private static String base(UUID appId) {
    return "/developer/oauth-applications/" + appId + "/extensions";
  }

  private static List<AbstractMockHttpServletRequestBuilder<?>> pages(UUID appId, UUID extId) {
    return List.of(
        get(base(appId)),
        get(base(appId) + "/new"),
        get(base(appId) + "/choices").param("location", "TREE_CONTEXT_MENU"),
        get(base(appId) + "/" + extId),
        get(base(appId) + "/" + extId + "/delete"));
  }

  /** Every page and form, with input a manager would get through. */
  private static List<AbstractMockHttpServletRequestBuilder<?>> everything(UUID appId, UUID extId) {
    List<AbstractMockHttpServletRequestBuilder<?>> requests = new ArrayList<>(pages(appId, extId));
    requests.add(filled(multipart(base(appId)), "Attacker's"));
    requests.addAll(extensionRequests(appId, extId));
    return requests;
  }

  /** The requests that name an extension. */
  private static List<AbstractMockHttpServletRequestBuilder<?>> extensionRequests(
      UUID appId, UUID extId) {
    return List.of(
        get(base(appId) + "/" + extId),
        filled(multipart(base(appId) + "/" + extId), "Renamed"),
        get(base(appId) + "/" + extId + "/delete"),
        post(base(appId) + "/" + extId + "/delete").with(csrf()));
  }

  private static AbstractMockHttpServletRequestBuilder<?> filled(
      AbstractMockHttpServletRequestBuilder<?> form, String name) {
    return form.with(csrf())
        .param("name", name)
        .param("location", "ELEMENT_RIGHT_PANEL")
        .param("context", "PART")
        .param("actionUrl", "https://evil.example.com/panel");
  }

  private int status(AbstractMockHttpServletRequestBuilder<?> request, User user) throws Exception {
    return mvc.perform(request.with(as(user))).andReturn().getResponse().getStatus();
  }

  private static String describe(AbstractMockHttpServletRequestBuilder<?> request) {
    var built = request.buildRequest(new MockServletContext());
    return built.getMethod() + " " + built.getRequestURI();
  }
}
