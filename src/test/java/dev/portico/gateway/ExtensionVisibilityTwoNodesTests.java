package dev.portico.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.IssuedApplication;
import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionFixtures;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * EXT-5 across nodes: a user whose assignment is removed on node A no longer sees the app's
 * extensions in node B's very next answer, on the console endpoint (a session signed in on B) and
 * on the API-2 endpoint. Nothing about visibility is cached, so the bound of 5 s holds trivially.
 */
@PorticoTest
class ExtensionVisibilityTwoNodesTests {

  static SecondNode nodeB;

  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired ExtensionFixtures fixtures;

  @BeforeAll
  static void startSecondNode(@Autowired Environment nodeA) {
    nodeB = SecondNode.startWith(nodeA);
  }

  @AfterAll
  static void stopSecondNode() {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @Test
  void unassignedOnOneNodeTheUserNoLongerSeesTheExtensionOnTheOther() throws Exception {
    Company acme = accounts.company("TwoNodeExt");
    User bob = accounts.member(acme, Role.MEMBER, License.FULL);
    IssuedApplication app = fixtures.app(acme);
    fixtures.assign(acme, app, bob);
    fixtures.extension(
        app,
        "Cross-node panel",
        ExtensionLocation.ELEMENT_RIGHT_PANEL,
        ExtensionContext.PART,
        "https://plm.example.com/panel",
        null);
    ConsoleClient browserOnB = new ConsoleClient(nodeB.port());
    assertThat(ConsoleClient.isRedirect(browserOnB.signIn(bob.email(), TestAccounts.PASSWORD)))
        .isTrue();
    String key = TestApiKeys.basic(keys.issue(bob));
    String apiPath =
        "/api/applications/extensions/user/" + bob.id() + "/client/" + app.application().clientId();
    assertThat(consoleNames(browserOnB)).containsExactly("Cross-node panel");
    assertThat(apiNames(ExtensionFixtures.call(nodeB.port(), "GET", apiPath, key, null)))
        .containsExactly("Cross-node panel");

    fixtures.unassign(acme, app, bob); // on node A

    assertThat(consoleNames(browserOnB)).isEmpty();
    assertThat(apiNames(ExtensionFixtures.call(nodeB.port(), "GET", apiPath, key, null))).isEmpty();
  }

  private static List<String> consoleNames(ConsoleClient browser) {
    HttpResponse<String> answer = browser.get("/api/extensions?location=ELEMENT_RIGHT_PANEL");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return names(JsonMapper.shared().readTree(answer.body()).get("items"));
  }

  private static List<String> apiNames(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return names(JsonMapper.shared().readTree(answer.body()));
  }

  private static List<String> names(JsonNode items) {
    return items.valueStream().map(i -> i.get("name").asString()).toList();
  }
}
