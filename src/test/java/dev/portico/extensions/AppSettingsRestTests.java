package dev.portico.extensions;

import static dev.portico.extensions.ExtensionFixtures.READ_WRITE_DELETE;
import static dev.portico.extensions.ExtensionFixtures.bearer;
import static dev.portico.extensions.ExtensionFixtures.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.OAuthFlow;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings store (API-2): a user's settings only through that app's token for that user, a
 * company's through that app's tokens of its members (read) and admins (write) or an admin's API
 * key; everyone else 404. Round trips, the limits at their fields, nothing stored on an error.
 */
@PorticoTest
class AppSettingsRestTests {

  @LocalServerPort int port;
  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired ExtensionFixtures fixtures;

  Company acme;
  User bob;
  IssuedApplication app;
  String bobsToken;
  String adminsToken;

  @BeforeEach
  void setUp() {
    acme = accounts.company("Settings");
    bob = accounts.member(acme, Role.MEMBER, License.FULL);
    app = fixtures.app(acme);
    fixtures.assign(acme, app, bob);
    OAuthFlow flow = new OAuthFlow(port);
    bobsToken = flow.authorize(app, bob, READ_WRITE_DELETE).access();
    adminsToken = flow.authorize(app, acme.admin(), READ_WRITE_DELETE).access();
  }

  @Test
  void userSettingsRoundTripThroughTheAppsTokenForTheUser() throws Exception {
    String path = userPath(bob);
    HttpResponse<String> posted =
        call(
            port,
            "POST",
            path,
            bearer(bobsToken),
            "{\"settings\":[{\"key\":\"units\",\"value\":\"mm\"},"
                + "{\"key\":\"layout.v2\",\"value\":{\"cols\":[1,2],\"dark\":true}}]}");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(settings(posted))
        .containsExactly("layout.v2={\"cols\":[1,2],\"dark\":true}", "units=\"mm\"");

    call(port, "POST", path, bearer(bobsToken), "{\"settings\":[{\"key\":\"units\",\"value\":7}]}");
    assertThat(settings(call(port, "GET", path, bearer(bobsToken), null)))
        .containsExactly("layout.v2={\"cols\":[1,2],\"dark\":true}", "units=7");
    assertThat(settings(call(port, "GET", path + "?key=units", bearer(bobsToken), null)))
        .containsExactly("units=7");

    assertThat(call(port, "DELETE", path + "?key=units", bearer(bobsToken), null).statusCode())
        .isEqualTo(204);
    assertThat(settings(call(port, "GET", path, bearer(bobsToken), null)))
        .containsExactly("layout.v2={\"cols\":[1,2],\"dark\":true}");
    assertThat(call(port, "DELETE", path, bearer(bobsToken), null).statusCode()).isEqualTo(204);
    assertThat(settings(call(port, "GET", path, bearer(bobsToken), null))).isEmpty();
  }

  @Test
  void userSettingsRefuseAnotherAppsTokenAnotherUsersIdAndApiKeys() throws Exception {
    User carol = accounts.member(acme, Role.MEMBER, License.FULL);
    fixtures.assign(acme, app, carol);
    IssuedApplication other = fixtures.app(acme);
    fixtures.assign(acme, other, bob);
    String otherAppsToken = new OAuthFlow(port).authorize(other, bob, READ_WRITE_DELETE).access();
    String body = "{\"settings\":[{\"key\":\"k\",\"value\":1}]}";
    String carolsToken = new OAuthFlow(port).authorize(app, carol, READ_WRITE_DELETE).access();
    assertThat(call(port, "POST", userPath(carol), bearer(carolsToken), body).statusCode())
        .isEqualTo(200);

    for (String method : List.of("GET", "POST", "DELETE")) {
      String json = method.equals("POST") ? body : null;
      assertThat(call(port, method, userPath(carol), bearer(bobsToken), json).statusCode())
          .as(method + " of another user's settings")
          .isEqualTo(404);
      assertThat(call(port, method, userPath(bob), bearer(otherAppsToken), json).statusCode())
          .as(method + " with another app's token")
          .isEqualTo(404);
      assertThat(
              call(port, method, userPath(bob), TestApiKeys.basic(keys.issue(bob)), json)
                  .statusCode())
          .as(method + " with the user's own API key")
          .isEqualTo(404);
    }
    assertThat(settings(call(port, "GET", userPath(bob), bearer(bobsToken), null))).isEmpty();
  }

  @Test
  void companySettingsAreReadByMembersTokensAndWrittenByAdminsTokensOrAnAdminsKey()
      throws Exception {
    String path = companyPath(acme);
    String adminsKey = TestApiKeys.basic(keys.issue(acme.admin()));
    String body = "{\"settings\":[{\"key\":\"site\",\"value\":\"Lyon\"}]}";

    assertThat(call(port, "POST", path, bearer(bobsToken), body).statusCode()).isEqualTo(404);
    assertThat(call(port, "POST", path, bearer(adminsToken), body).statusCode()).isEqualTo(200);
    assertThat(settings(call(port, "GET", path, bearer(bobsToken), null)))
        .containsExactly("site=\"Lyon\"");
    assertThat(call(port, "DELETE", path, bearer(bobsToken), null).statusCode()).isEqualTo(404);

    assertThat(
            call(port, "POST", path, adminsKey, "{\"settings\":[{\"key\":\"plant\",\"value\":2}]}")
                .statusCode())
        .isEqualTo(200);
    assertThat(settings(call(port, "GET", path, adminsKey, null)))
        .containsExactly("plant=2", "site=\"Lyon\"");
    assertThat(call(port, "DELETE", path + "?key=plant", adminsKey, null).statusCode())
        .isEqualTo(204);
    assertThat(settings(call(port, "GET", path, bearer(adminsToken), null)))
        .containsExactly("site=\"Lyon\"");
  }

  @Test
  void companySettingsRefuseAMembersKeyAnotherCompanyAndAnotherAppsToken() throws Exception {
    Company globex = accounts.company("Rival");
    IssuedApplication other = fixtures.app(acme);
    String otherAppsToken =
        new OAuthFlow(port).authorize(other, acme.admin(), READ_WRITE_DELETE).access();
    String globexAdminsKey = TestApiKeys.basic(keys.issue(globex.admin()));
    String bobsKey = TestApiKeys.basic(keys.issue(bob));

    for (String method : List.of("GET", "POST", "DELETE")) {
      String json = method.equals("POST") ? "{\"settings\":[]}" : null;
      assertThat(call(port, method, companyPath(acme), bobsKey, json).statusCode())
          .as(method + " with a member's API key")
          .isEqualTo(404);
      assertThat(call(port, method, companyPath(acme), globexAdminsKey, json).statusCode())
          .as(method + " with another company's admin's key")
          .isEqualTo(404);
      assertThat(call(port, method, companyPath(globex), bearer(adminsToken), json).statusCode())
          .as(method + " of another company with the app's token")
          .isEqualTo(404);
      assertThat(call(port, method, companyPath(acme), bearer(otherAppsToken), json).statusCode())
          .as(method + " with another app's token")
          .isEqualTo(404);
    }
  }

  @Test
  void badEntriesAreRefusedAtTheirFieldAndNothingIsStored() throws Exception {
    String path = userPath(bob);
    String tooBig = "\"" + "x".repeat(10 * 1024) + "\"";
    HttpResponse<String> answer =
        call(
            port,
            "POST",
            path,
            bearer(bobsToken),
            "{\"settings\":[{\"key\":\"fine\",\"value\":1},{\"key\":\"bad key!\",\"value\":2},"
                + "{\"key\":\"big\",\"value\":"
                + tooBig
                + "},{\"key\":\"fine\",\"value\":3}]}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(fields(answer))
        .containsExactly("settings[1].key", "settings[2].value", "settings[3].key");
    assertThat(settings(call(port, "GET", path, bearer(bobsToken), null))).isEmpty();

    answer = call(port, "POST", path, bearer(bobsToken), "{\"settings\":[{\"key\":\"v\"}]}");
    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(fields(answer)).containsExactly("settings[0].value");
    answer = call(port, "POST", path, bearer(bobsToken), "{\"items\":[]}");
    assertThat(fields(answer)).containsExactly("settings");
    assertThat(call(port, "POST", path, bearer(bobsToken), "{not json").statusCode())
        .isEqualTo(400);
    assertThat(call(port, "GET", path + "?key=a%20b", bearer(bobsToken), null).statusCode())
        .isEqualTo(422);
  }

  @Test
  void anOwnerHoldsAtMostOneHundredKeysAndABodyAtMost64KiB() throws Exception {
    String path = userPath(bob);
    assertThat(call(port, "POST", path, bearer(bobsToken), entries(0, 99)).statusCode())
        .isEqualTo(200);

    HttpResponse<String> over = call(port, "POST", path, bearer(bobsToken), entries(98, 101));
    assertThat(over.statusCode()).as(over.body()).isEqualTo(422);
    assertThat(fields(over)).containsExactly("settings");
    assertThat(settings(call(port, "GET", path, bearer(bobsToken), null))).hasSize(99);
    assertThat(call(port, "POST", path, bearer(bobsToken), entries(0, 100)).statusCode())
        .isEqualTo(200); // one new key: exactly 100

    String huge = "{\"settings\":[{\"key\":\"k0\",\"value\":\"" + "y".repeat(65 * 1024) + "\"}]}";
    HttpResponse<String> tooLarge = call(port, "POST", path, bearer(bobsToken), huge);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("payload-too-large");
  }

  @Test
  void writesRacingOnANewOwnersNewKeyAllSucceed() throws Exception {
    String path = userPath(bob);
    int writers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String body = "{\"settings\":[{\"key\":\"race\",\"value\":" + i + "}]}";
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return call(port, "POST", path, bearer(bobsToken), body).statusCode();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get(60, TimeUnit.SECONDS));
      }
      assertThat(statuses).containsOnly(200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(settings(call(port, "GET", path, bearer(bobsToken), null)))
        .singleElement()
        .asString()
        .startsWith("race=");
  }

  private String userPath(User user) {
    return "/api/applications/clients/"
        + app.application().clientId()
        + "/settings/users/"
        + user.id();
  }

  private String companyPath(Company company) {
    return "/api/applications/clients/"
        + app.application().clientId()
        + "/settings/companies/"
        + company.id();
  }

  /** {@code {"settings": [...]}} with keys k{from} … k{to - 1}. */
  private static String entries(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> "{\"key\":\"k" + i + "\",\"value\":" + i + "}")
        .collect(Collectors.joining(",", "{\"settings\":[", "]}"));
  }

  private static List<String> settings(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = JsonMapper.shared().readTree(answer.body());
    return body.get("settings")
        .valueStream()
        .map(s -> s.get("key").asString() + "=" + s.get("value").toString())
        .toList();
  }

  private static List<String> fields(HttpResponse<String> answer) {
    return JsonMapper.shared()
        .readTree(answer.body())
        .get("errors")
        .valueStream()
        .map(e -> e.get("field").asString())
        .toList();
  }
}
