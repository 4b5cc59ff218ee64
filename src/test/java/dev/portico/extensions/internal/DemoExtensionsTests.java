package dev.portico.extensions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.ApplicationAssignments;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationOrder;
import dev.portico.applications.ApplicationSummary;
import dev.portico.extensions.ActionTemplates;
import dev.portico.extensions.ActionType;
import dev.portico.extensions.Extension;
import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.support.EmbeddedPostgresSupport;
import dev.portico.system.ResultPage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode's extension (issue 10, item 8): the Acme Parts Inspector app with a right panel and a
 * context-menu action, both served by Portico's own demo pages, which answer without a session, may
 * be framed by Portico only, and escape what they show. The same configuration as the browser tests
 * (demo on, a real port), so they share one context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "portico.demo=true")
@ContextConfiguration(initializers = EmbeddedPostgresSupport.Initializer.class)
class DemoExtensionsTests {

  @LocalServerPort int port;
  @Autowired UserManagement users;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationAssignments assignments;
  @Autowired ExtensionRows extensions;
  @Autowired DemoExtensions demo;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void demoAppHasAValidRightPanelAndContextMenuActionServedByPorticoItself() {
    List<Extension> found = extensions.ofApplication(demoApp());

    Extension panel = named(found, DemoExtensions.PANEL);
    Extension action = named(found, DemoExtensions.ACTION);
    assertThat(found).hasSize(2);
    assertThat(panel.location()).isEqualTo(ExtensionLocation.ELEMENT_RIGHT_PANEL);
    assertThat(panel.context()).isEqualTo(ExtensionContext.PART);
    assertThat(panel.actionUrl()).startsWith(base() + "/demo/extensions/panel?");
    assertThat(action.location()).isEqualTo(ExtensionLocation.ELEMENT_CONTEXT_MENU);
    assertThat(action.context()).isEqualTo(ExtensionContext.PART_STUDIO);
    assertThat(action.actionType()).isEqualTo(ActionType.POST);
    assertThat(action.showResponse()).isTrue();
    assertThat(action.actionUrl()).startsWith(base() + "/demo/extensions/action");
    assertThat(JsonMapper.shared().readTree(Objects.requireNonNull(action.actionBody())).isObject())
        .isTrue();
    for (Extension e : found) {
      assertThat(ActionTemplates.urlProblem(e.actionUrl())).as(e.name()).isEmpty();
      assertThat(ActionTemplates.attributeProblems(e.actionUrl(), e.location(), e.context()))
          .isEmpty();
    }
    assertThat(
            ActionTemplates.attributeProblems(
                Objects.requireNonNull(action.actionBody()), action.location(), action.context()))
        .isEmpty();
  }

  @Test
  void demoAppIsSharedWithAliceAndBobButNotWithTheLightUser() {
    UUID app = demoApp();

    assertThat(assignments.mayUse(user("alice@acme.test").id(), app)).isTrue();
    assertThat(assignments.mayUse(user("bob@acme.test").id(), app)).isTrue();
    assertThat(assignments.mayUse(user("lena@acme.test").id(), app)).isFalse();
    assertThat(assignments.mayUse(user("gina@globex.test").id(), app)).isFalse();
  }

  @Test
  void demoDataIsCreatedOnceAndFollowsThePort() {
    UUID app = demoApp();
    try {
      demo.ensure(port);
      demo.ensure(port + 1);

      assertThat(apps(DemoExtensions.APP_NAME)).hasSize(1);
      List<Extension> moved = extensions.ofApplication(app);
      assertThat(moved).hasSize(2);
      assertThat(moved)
          .allSatisfy(
              e -> assertThat(e.actionUrl()).startsWith("http://localhost:" + (port + 1) + "/"));
    } finally {
      demo.ensure(port);
    }
    assertThat(extensions.ofApplication(app))
        .allSatisfy(e -> assertThat(e.actionUrl()).startsWith(base() + "/demo/extensions/"));
  }

  @Test
  void panelPageAnswersWithoutASessionAndMayBeFramedByPorticoOnly() throws Exception {
    HttpResponse<String> page = get("/demo/extensions/panel?documentId=e60c4803eaf2ac8be492c18e");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(page.headers().allValues("Content-Security-Policy"))
        .containsExactly(DemoExtensionPagesSecurityConfiguration.CONTENT_SECURITY_POLICY);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'self'")
        .contains("default-src 'none'");
    assertThat(page.headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(page.body()).contains("e60c4803eaf2ac8be492c18e");
  }

  @Test
  void panelPageEscapesHostileQueryParameters() throws Exception {
    String hostile = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
    String q = URLEncoder.encode(hostile, StandardCharsets.UTF_8);

    HttpResponse<String> page =
        get("/demo/extensions/panel?documentId=" + q + "&partNumber=" + q + "&" + q + "=1");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .doesNotContain("<script>alert(1)")
        .doesNotContain("<img src=x")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void actionAnswersWithoutASessionOrCsrfTokenEchoingItsBodyAsJson() throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/demo/extensions/action?documentId=d1"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"documentId\": \"d1\", \"n\": 2}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/json");
    assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
    JsonNode json = JsonMapper.shared().readTree(answer.body());
    assertThat(json.path("message").asString()).contains("inspected document d1");
    assertThat(json.path("received").path("n").asInt()).isEqualTo(2);
    assertThat(json.path("query").path("documentId").get(0).asString()).isEqualTo("d1");
  }

  @Test
  void otherPathsUnderDemoAreNotOpenedByTheDemoChain() throws Exception {
    assertThat(get("/demo/extensions/nothing-here").statusCode()).isEqualTo(404);
    assertThat(get("/demo/other").statusCode()).isEqualTo(302);
  }

  private UUID demoApp() {
    List<ApplicationSummary> found = apps(DemoExtensions.APP_NAME);
    assertThat(found).hasSize(1);
    return found.get(0).id();
  }

  private List<ApplicationSummary> apps(String name) {
    UUID acme = Objects.requireNonNull(user("alice@acme.test").companyId());
    return management
        .applications(acme, ApplicationOrder.NAME, true, new ResultPage.Request(0, 200))
        .items()
        .stream()
        .filter(a -> a.name().equals(name))
        .toList();
  }

  private User user(String email) {
    return users.userByEmail(email).orElseThrow();
  }

  private static Extension named(List<Extension> found, String name) {
    return found.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
