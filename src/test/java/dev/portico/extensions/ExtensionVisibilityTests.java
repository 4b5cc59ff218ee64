package dev.portico.extensions;

import static dev.portico.extensions.ExtensionFixtures.bearer;
import static dev.portico.extensions.ExtensionFixtures.call;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.OAuthFlow;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who sees which extensions (EXT-5, SHR-3): the users an app is assigned to, on the console's
 * {@code GET /api/extensions} (a console session, nothing else) and on the API-2 endpoint (a
 * credential acting for the user); nobody else; an unassigned user at once.
 */
@PorticoTest
class ExtensionVisibilityTests {

  static final String PANEL_URL = "https://plm.example.com/panel?doc={$documentId}&el={$elementId}";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired ExtensionFixtures fixtures;

  Company acme;
  User bob;
  IssuedApplication app;
  Extension panel;
  Extension menu;

  @BeforeEach
  void setUp() {
    acme = accounts.company("Visible");
    bob = accounts.member(acme, Role.MEMBER, License.FULL);
    app = fixtures.app(acme);
    fixtures.assign(acme, app, bob);
    panel =
        fixtures.extension(
            app,
            "BOM panel",
            ExtensionLocation.ELEMENT_RIGHT_PANEL,
            ExtensionContext.PART,
            PANEL_URL,
            null);
    menu =
        fixtures.extension(
            app,
            "Send to PLM",
            ExtensionLocation.TREE_CONTEXT_MENU,
            ExtensionContext.FEATURE,
            "https://plm.example.com/send/{$featureId}",
            ActionType.POST);
  }

  @Test
  void assignedUserSeesTheExtensionWithItsActionUrlResolvedForTheContext() throws Exception {
    String clientId = app.application().clientId();
    mvc.perform(
            get("/api/extensions")
                .param("location", "ELEMENT_RIGHT_PANEL")
                .param("context", "PART")
                .param("documentId", "d 1&x=y")
                .param("elementId", "e/2")
                .header("Accept-Language", "fr-FR")
                .with(as(bob)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].id").value(panel.id().toString()))
        .andExpect(jsonPath("$.items[0].name").value("BOM panel"))
        .andExpect(jsonPath("$.items[0].location").value("ELEMENT_RIGHT_PANEL"))
        .andExpect(jsonPath("$.items[0].context").value("PART"))
        .andExpect(jsonPath("$.items[0].actionUrl").value(PANEL_URL))
        .andExpect(jsonPath("$.items[0].applicationId").value(app.application().id().toString()))
        .andExpect(jsonPath("$.items[0].application.name").value(app.application().name()))
        .andExpect(jsonPath("$.items[0].application.clientId").value(clientId))
        .andExpect(
            jsonPath("$.items[0].resolvedActionUrl")
                .value(
                    "https://plm.example.com/panel?doc=d%201%26x%3Dy&el=e%2F2"
                        + "&server=http%3A%2F%2Flocalhost&companyId="
                        + acme.id()
                        + "&userId="
                        + bob.id()
                        + "&locale=fr-FR&clientId="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8)));
  }

  @Test
  void extensionsAreFilteredByLocationAndContext() throws Exception {
    assertThat(names(consoleExtensions(bob, ""))).containsExactly("BOM panel", "Send to PLM");
    assertThat(names(consoleExtensions(bob, "location=TREE_CONTEXT_MENU")))
        .containsExactly("Send to PLM");
    assertThat(names(consoleExtensions(bob, "location=ELEMENT_RIGHT_PANEL&context=PART")))
        .containsExactly("BOM panel");
    assertThat(names(consoleExtensions(bob, "location=ELEMENT_RIGHT_PANEL&context=FEATURE")))
        .isEmpty();
    assertThat(names(consoleExtensions(bob, "context=FEATURE"))).containsExactly("Send to PLM");
  }

  @Test
  void unassignedMemberAndAnotherCompanysUserSeeNone() throws Exception {
    User carol = accounts.member(acme, Role.MEMBER, License.FULL);
    Company globex = accounts.company("Elsewhere");

    assertThat(names(consoleExtensions(carol, ""))).isEmpty();
    assertThat(names(consoleExtensions(globex.admin(), ""))).isEmpty();
    assertThat(names(consoleExtensions(acme.admin(), ""))).hasSize(2); // the creator is assigned
  }

  @Test
  void unassignedUserStopsSeeingTheExtensionAtOnce() throws Exception {
    assertThat(names(consoleExtensions(bob, ""))).hasSize(2);

    fixtures.unassign(acme, app, bob);

    assertThat(names(consoleExtensions(bob, ""))).isEmpty();
  }

  @Test
  void unknownLocationOrContextOrAContextTheLocationLacksIsRefusedAtItsParameter()
      throws Exception {
    mvc.perform(get("/api/extensions").param("location", "SIDEBAR").with(as(bob)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("location"));
    mvc.perform(
            get("/api/extensions")
                .param("location", "ELEMENT_TAB")
                .param("context", "PART")
                .with(as(bob)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("context"));
    mvc.perform(get("/api/extensions").param("partId", "x".repeat(1001)).with(as(bob)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("partId"));
  }

  @Test
  void consoleExtensionsWithoutASessionAre401ProblemsNotARedirect() throws Exception {
    mvc.perform(get("/api/extensions"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Content-Type", containsString("application/problem+json")))
        .andExpect(header().doesNotExist("Location"))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.reason").value("console_session_required"));
  }

  @Test
  void consoleExtensionsTakeARealSessionWithTheConsoleHeadersButNoApiCredential() throws Exception {
    ConsoleClient browser = new ConsoleClient(port);
    assertThat(ConsoleClient.isRedirect(browser.signIn(bob.email(), TestAccounts.PASSWORD)))
        .isTrue();

    HttpResponse<String> answer = browser.get("/api/extensions?location=TREE_CONTEXT_MENU");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(names(JsonMapper.shared().readTree(answer.body()))).containsExactly("Send to PLM");
    assertThat(answer.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");

    String key = TestApiKeys.basic(keys.issue(bob));
    assertThat(call(port, "GET", "/api/extensions", key, null).statusCode()).isEqualTo(401);
  }

  @Test
  void noOtherApiPathAcceptsAConsoleSession() throws Exception {
    ConsoleClient browser = new ConsoleClient(port);
    assertThat(ConsoleClient.isRedirect(browser.signIn(bob.email(), TestAccounts.PASSWORD)))
        .isTrue();

    assertThat(browser.get("/api/users/sessioninfo").statusCode()).isEqualTo(401);
    assertThat(browser.get("/api/extensions/more").statusCode()).isEqualTo(401);
    assertThat(
            browser
                .get("/api/applications/extensions/user/" + bob.id() + "/client/" + clientId())
                .statusCode())
        .isEqualTo(401);
    assertThat(browser.postEncoded("/api/extensions", "location=ELEMENT_TAB").statusCode())
        .isEqualTo(401);
  }

  @Test
  void appExtensionsForTheUserWithTheAppsTokenOrTheUsersOwnKey() throws Exception {
    String token =
        new OAuthFlow(port).authorize(app, bob, ExtensionFixtures.READ_WRITE_DELETE).access();
    String path = "/api/applications/extensions/user/" + bob.id() + "/client/" + clientId();

    HttpResponse<String> withToken =
        call(
            port, "GET", path + "?location=TREE_CONTEXT_MENU&featureId=f%2F1", bearer(token), null);
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
    JsonNode items = JsonMapper.shared().readTree(withToken.body());
    assertThat(items.isArray()).isTrue();
    assertThat(items.size()).isEqualTo(1);
    assertThat(items.get(0).get("name").asString()).isEqualTo("Send to PLM");
    assertThat(items.get(0).get("actionType").asString()).isEqualTo("POST");
    assertThat(items.get(0).get("resolvedActionUrl").asString())
        .startsWith("https://plm.example.com/send/f%2F1?server=http%3A%2F%2Flocalhost%3A" + port)
        .contains("&userId=" + bob.id())
        .endsWith("&clientId=" + URLEncoder.encode(clientId(), StandardCharsets.UTF_8));

    HttpResponse<String> withKey =
        call(port, "GET", path, TestApiKeys.basic(keys.issue(bob)), null);
    assertThat(withKey.statusCode()).as(withKey.body()).isEqualTo(200);
    assertThat(JsonMapper.shared().readTree(withKey.body()).size()).isEqualTo(2);
  }

  @Test
  void appExtensionsAreRefusedForAnotherUserAndAnotherAppsToken() throws Exception {
    User carol = accounts.member(acme, Role.MEMBER, License.FULL);
    fixtures.assign(acme, app, carol);
    IssuedApplication other = fixtures.app(acme);
    fixtures.assign(acme, other, bob);
    OAuthFlow flow = new OAuthFlow(port);
    String bobsToken = flow.authorize(app, bob, ExtensionFixtures.READ_WRITE_DELETE).access();
    String otherAppsToken =
        flow.authorize(other, bob, ExtensionFixtures.READ_WRITE_DELETE).access();
    String bobsPath = "/api/applications/extensions/user/" + bob.id() + "/client/" + clientId();
    String carolsPath = "/api/applications/extensions/user/" + carol.id() + "/client/" + clientId();

    assertThat(call(port, "GET", carolsPath, bearer(bobsToken), null).statusCode()).isEqualTo(404);
    assertThat(call(port, "GET", bobsPath, bearer(otherAppsToken), null).statusCode())
        .isEqualTo(404);
    assertThat(call(port, "GET", carolsPath, TestApiKeys.basic(keys.issue(bob)), null).statusCode())
        .isEqualTo(404);
    assertThat(
            call(
                    port,
                    "GET",
                    "/api/applications/extensions/user/" + bob.id() + "/client/no-such-client",
                    TestApiKeys.basic(keys.issue(bob)),
                    null)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void appExtensionsOfAnUnassignedOrForeignUserAreEmpty() throws Exception {
    User carol = accounts.member(acme, Role.MEMBER, License.FULL);
    Company globex = accounts.company("Foreign");
    for (User user : List.of(carol, globex.admin())) {
      HttpResponse<String> answer =
          call(
              port,
              "GET",
              "/api/applications/extensions/user/" + user.id() + "/client/" + clientId(),
              TestApiKeys.basic(keys.issue(user)),
              null);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("[]");
    }
  }

  private String clientId() {
    return app.application().clientId();
  }

  private JsonNode consoleExtensions(User user, String query) throws Exception {
    String body =
        mvc.perform(get("/api/extensions?" + query).with(as(user)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonMapper.shared().readTree(body);
  }

  private static List<String> names(JsonNode answer) {
    JsonNode items = answer.isArray() ? answer : answer.get("items");
    return items.valueStream().map(i -> i.get("name").asString()).toList();
  }
}
