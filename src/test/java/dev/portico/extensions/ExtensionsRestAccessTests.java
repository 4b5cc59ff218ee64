package dev.portico.extensions;

import static dev.portico.extensions.ExtensionDrafts.actor;
import static dev.portico.extensions.ExtensionDrafts.app;
import static dev.portico.extensions.ExtensionDrafts.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may reach an app's extensions over REST, from an attacker's seat: a member, a light user
 * (even listed as a collaborator), another company's admin and an individual get 404 on every
 * endpoint, as do forged ids and another app's extension under this app's path; nothing changes. An
 * editor (collaborator) may use them all.
 */
@PorticoTest
class ExtensionsRestAccessTests {

  private static final String BODY =
      "{\"name\": \"Attacker's\", \"location\": \"ELEMENT_RIGHT_PANEL\", \"context\": \"PART\","
          + " \"actionUrl\": \"https://evil.example.com/p\"}";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ExtensionManagement extensions;

  @Test
  void strangersGetNotFoundOnEveryEndpointAndNothingChanges() throws Exception {
    Company acme = fixtures.company("Acme");
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    Application app = app(apps, acme.admin(), acme.id(), light.email());
    Extension ext = add(acme, app, "Guarded");
    Map<String, User> strangers = new LinkedHashMap<>();
    strangers.put("member", fixtures.member(acme, Role.MEMBER, License.FULL));
    strangers.put("light user", light);
    strangers.put("other company's admin", fixtures.company("Globex").admin());
    strangers.put("individual", fixtures.individual());

    List<String> answered = new ArrayList<>();
    for (Map.Entry<String, User> stranger : strangers.entrySet()) {
      String key = TestApiKeys.basic(apiKeys.issue(stranger.getValue()));
      for (MockHttpServletRequestBuilder request : everyEndpoint(app.id(), ext.id())) {
        int status = status(request, key);
        if (status != 404) {
          answered.add(stranger.getKey() + ": " + describe(request) + " → " + status);
        }
      }
    }

    assertThat(answered).isEmpty();
    assertThat(extensions.extensions(app.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.name()).isEqualTo("Guarded"));
  }

  @Test
  void forgedIdsAndAnotherAppsExtensionAreNotFound() throws Exception {
    Company acme = fixtures.company("Acme");
    Application mine = app(apps, acme.admin(), acme.id());
    Application other = app(apps, acme.admin(), acme.id());
    Extension othersExt = add(acme, other, "Other's");
    String key = TestApiKeys.basic(apiKeys.issue(acme.admin()));

    List<String> answered = new ArrayList<>();
    List<MockHttpServletRequestBuilder> requests =
        new ArrayList<>(everyEndpoint(UUID.randomUUID(), othersExt.id()));
    requests.addAll(extensionEndpoints(mine.id(), othersExt.id()));
    requests.addAll(extensionEndpoints(mine.id(), UUID.randomUUID()));
    for (MockHttpServletRequestBuilder request : requests) {
      int status = status(request, key);
      if (status != 404) {
        answered.add(describe(request) + " → " + status);
      }
    }

    assertThat(answered).isEmpty();
    assertThat(extensions.extension(other, othersExt.id()).name()).isEqualTo("Other's");
    assertThat(extensions.extensions(mine.id())).isEmpty();
  }

  @Test
  void editorMayUseEveryEndpoint() throws Exception {
    Company acme = fixtures.company("Acme");
    User editor = fixtures.member(acme, Role.MEMBER, License.FULL);
    Application app = app(apps, acme.admin(), acme.id(), editor.email());
    Extension ext = add(acme, app, "Shared");
    String key = TestApiKeys.basic(apiKeys.issue(editor));

    for (MockHttpServletRequestBuilder request : everyEndpoint(app.id(), ext.id())) {
      assertThat(status(request, key)).as(describe(request)).isBetween(200, 204);
    }
  }

  private Extension add(Company acme, Application app, String name) {
    return extensions.add(
        actor(acme.admin()),
        app,
        valid(name, ExtensionLocation.ELEMENT_RIGHT_PANEL),
        IconChange.KEEP);
  }

  private static String list(UUID appId) {
    return "/api/developer/applications/" + appId + "/extensions";
  }

  private static List<MockHttpServletRequestBuilder> everyEndpoint(UUID appId, UUID extId) {
    List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
    requests.add(get(list(appId)));
    requests.add(post(list(appId)).contentType(MediaType.APPLICATION_JSON).content(BODY));
    requests.addAll(extensionEndpoints(appId, extId));
    return requests;
  }

  /** Reads and changes first, deletion last. */
  private static List<MockHttpServletRequestBuilder> extensionEndpoints(UUID appId, UUID extId) {
    String one = list(appId) + "/" + extId;
    return List.of(
        get(one),
        patch(one).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Renamed\"}"),
        delete(one));
  }

  private int status(MockHttpServletRequestBuilder request, String key) throws Exception {
    return mvc.perform(request.header("Authorization", key)).andReturn().getResponse().getStatus();
  }

  private static String describe(MockHttpServletRequestBuilder request) {
    var built = request.buildRequest(new MockServletContext());
    return built.getMethod() + " " + built.getRequestURI();
  }
}
