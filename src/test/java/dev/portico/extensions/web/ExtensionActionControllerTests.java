package dev.portico.extensions.web;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationOAuthSettings;
import dev.portico.applications.ApplicationSharing;
import dev.portico.applications.AssignmentSelection;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.applications.ExternalOAuthDraft;
import dev.portico.applications.SharingFixtures;
import dev.portico.extensions.ActionType;
import dev.portico.extensions.Extension;
import dev.portico.extensions.TestActionServer;
import dev.portico.extensions.TestExtensions;
import dev.portico.extensions.internal.ExtensionRows;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code POST /extensions/{id}/run} and {@code /part-number} from the console (EXT-4): the htmx
 * dialog fragment (escaped), the JSON answer and its problem details, and who may run one.
 */
@PorticoTest
class ExtensionActionControllerTests {

  static TestActionServer server;

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ExtensionRows rows;
  @Autowired ApplicationSharing sharing;
  @Autowired ApplicationOAuthSettings oauthSettings;

  private Company acme;
  private User bob;
  private Application app;

  @BeforeAll
  static void start() throws Exception {
    server = new TestActionServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void setUp() {
    server.reset();
    acme = accounts.company("Acme");
    bob = accounts.member(acme, Role.MEMBER, License.FULL);
    app = apps.register(acme.admin(), acme.id(), "Run " + UUID.randomUUID());
    sharing.assign(
        SharingFixtures.actor(acme.admin()),
        app,
        new AssignmentSelection(Set.of(bob.id()), Set.of(), Set.of()));
  }

  @Test
  void assignedUserRunsTheActionAndSeesTheStatusAndPrettyJson() throws Exception {
    server.answer(200, "application/json", "{\"result\":{\"n\":1}}");
    Extension ext = action(ActionType.GET, "/answer?doc={$documentId}");

    mvc.perform(htmx(ext.id(), bob).param("documentId", "d-1").param("unknown", "ignored"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString(
                            "<div id=\"action-response\" role=\"dialog\""
                                + " aria-labelledby=\"action-response-title\""),
                        containsString("id=\"action-response-title\""),
                        containsString("<strong id=\"action-response-status\">200</strong>"),
                        containsString("&quot;result&quot; : {\n    &quot;n&quot; : 1"))));
    assertThat(server.seen.poll().query()).containsEntry("doc", "d-1").doesNotContainKey("unknown");
  }

  @Test
  void hostileJsonIsEscapedInTheDialog() throws Exception {
    server.answer(
        200,
        "application/json",
        "{\"html\":\"<script>alert(1)</script>\",\"x\":\"</pre><img src=x onerror=alert(1)>\"}");
    Extension ext = action(ActionType.POST, "/answer");

    mvc.perform(htmx(ext.id(), bob))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        not(containsString("<script>alert")),
                        not(containsString("<img")),
                        not(containsString("</pre><")))));
  }

  @Test
  void jsonCallerGetsTheStatusAndTheBody() throws Exception {
    Extension ext = action(ActionType.GET, "/json");

    mvc.perform(json(ext.id(), bob))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value(200))
        .andExpect(jsonPath("$.body.ok").value(true));
  }

  @Test
  void answerThatIsNotJsonIsAProblemForJsonAndAMessageInTheDialog() throws Exception {
    Extension ext = action(ActionType.GET, "/text");

    mvc.perform(json(ext.id(), bob))
        .andExpect(status().isBadGateway())
        .andExpect(
            jsonPath("$.type").value("https://portico.dev/problems/extension-action-not-json"))
        .andExpect(jsonPath("$.upstreamStatus").value(200))
        .andExpect(jsonPath("$.detail", containsString("not JSON")));
    mvc.perform(htmx(ext.id(), bob))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"action-response-error\"")))
        .andExpect(content().string(containsString("not JSON")));
  }

  @Test
  void openInNewWindowIsRefusedAndNotCalled() throws Exception {
    Extension ext = action(ActionType.OPEN_IN_NEW_WINDOW, "/json");

    mvc.perform(json(ext.id(), bob))
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.type")
                .value("https://portico.dev/problems/extension-action-not-called-by-portico"));
    mvc.perform(htmx(ext.id(), bob))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("the browser opens it")));
    assertThat(server.seen).isEmpty();
  }

  @Test
  void appWithExternalOAuthAndNoGrantAsksForTheGrant() throws Exception {
    oauthSettings.updateExternalOAuth(
        SharingFixtures.actor(acme.admin()),
        app,
        new ExternalOAuthDraft(
            "portico",
            "s3cret",
            "https://auth.example.com/authorize",
            "https://auth.example.com/token",
            "read"));
    Extension ext = action(ActionType.GET, "/json");

    mvc.perform(json(ext.id(), bob))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.grantPath", startsWith("/")));
    mvc.perform(htmx(ext.id(), bob))
        .andExpect(content().string(containsString("grant External access first")))
        .andExpect(content().string(containsString("id=\"action-response-grant\" href=\"/")));
    assertThat(server.seen).isEmpty();
  }

  @Test
  void unassignedMemberAnotherCompanysAdminAndForgedIdGetNotFound() throws Exception {
    Extension ext = action(ActionType.GET, "/json");
    User carol = accounts.member(acme, Role.MEMBER, License.FULL);
    User light = accounts.member(acme, Role.MEMBER, License.LIGHT);
    User stranger = accounts.company("Globex").admin();

    for (User refused : List.of(carol, light, stranger)) {
      mvc.perform(htmx(ext.id(), refused)).andExpect(status().isNotFound());
      mvc.perform(json(ext.id(), refused))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.type").value("https://portico.dev/problems/not-found"));
    }
    mvc.perform(json(UUID.randomUUID(), bob)).andExpect(status().isNotFound());
    mvc.perform(htmx(UUID.randomUUID(), bob)).andExpect(status().isNotFound());
    assertThat(server.seen).isEmpty();
  }

  @Test
  void runWithoutCsrfTokenIsForbiddenAndNotCalled() throws Exception {
    Extension ext = action(ActionType.GET, "/json");

    mvc.perform(
            post("/extensions/{id}/run", ext.id())
                .with(as(bob))
                .header("HX-Request", "true")
                .accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isForbidden());
    assertThat(server.seen).isEmpty();
  }

  @Test
  void contextValueOver1000CharactersIsRefusedAndNothingIsCalled() throws Exception {
    Extension ext = action(ActionType.GET, "/json?doc={$documentId}");
    String tooLong = "x".repeat(1001);

    mvc.perform(json(ext.id(), bob).param("documentId", tooLong))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("documentId"));
    mvc.perform(htmx(ext.id(), bob).param("documentId", tooLong))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("at most 1000 characters")))
        .andExpect(content().string(not(containsString(tooLong))));
    assertThat(server.seen).isEmpty();
  }

  @Test
  void partNumberEndpointTakesAndGivesJson() throws Exception {
    server.answer(200, "application/json", "{\"id\":\"i-1\",\"partNumber\":\"PN-7\"}");
    Extension gen = TestExtensions.partNumberGenerator(rows, app.id(), server.base() + "/answer");
    String request = "{\"id\":\"i-1\",\"partId\":\"p\",\"categories\":[\"Bolt\"]}";

    mvc.perform(partNumber(gen.id(), bob, request))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value(200))
        .andExpect(jsonPath("$.body.partNumber").value("PN-7"));
    server.answer(200, "application/json", "{\"id\":\"i-1\"}");
    mvc.perform(partNumber(gen.id(), bob, request))
        .andExpect(status().isBadGateway())
        .andExpect(
            jsonPath("$.type")
                .value("https://portico.dev/problems/extension-action-invalid-answer"));
    mvc.perform(partNumber(gen.id(), accounts.company("Globex").admin(), request))
        .andExpect(status().isNotFound());
  }

  private Extension action(ActionType type, String path) {
    return TestExtensions.action(rows, app.id(), type, server.base() + path, null);
  }

  private static MockHttpServletRequestBuilder htmx(UUID extId, User user) {
    return post("/extensions/{id}/run", extId)
        .with(as(user))
        .with(csrf())
        .header("HX-Request", "true");
  }

  private static MockHttpServletRequestBuilder json(UUID extId, User user) {
    return post("/extensions/{id}/run", extId)
        .with(as(user))
        .with(csrf())
        .accept(MediaType.APPLICATION_JSON);
  }

  private static MockHttpServletRequestBuilder partNumber(UUID extId, User user, String body) {
    return post("/extensions/{id}/part-number", extId)
        .with(as(user))
        .with(csrf())
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .content(body);
  }
}
