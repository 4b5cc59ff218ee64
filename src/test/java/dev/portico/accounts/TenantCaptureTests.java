package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tenant-capture hole (TEN-6, KEY-3), tried over real HTTP the way an attacker would: a company
 * admin adds the email of someone who already exists — the operator, an individual, a member or an
 * admin of another company, in any letter case — and then tries to act for them. Nobody is ever
 * attached; the admin gets a pending invitation (or, for the operator, a refusal) and no power over
 * the person.
 */
@PorticoTest
class TenantCaptureTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired UserManagement users;
  @Autowired JdbcClient jdbc;

  @Test
  void adminAddingTheOperatorsEmailIsRefusedAndTheOperatorStaysOutOfTheCompany() throws Exception {
    Company attacker = fixtures.company("Attacker");
    User operator = fixtures.operator();
    IssuedApiKey key = apiKeys.issue(attacker.admin());

    for (String email : List.of(operator.email(), operator.email().toUpperCase(Locale.ROOT))) {
      HttpResponse<String> added = addUser(key, attacker.id(), email);
      assertThat(added.statusCode()).isEqualTo(422);
      assertThat(added.body()).contains("operator").contains("\"field\":\"email\"");
    }
    assertThat(users.user(operator.id()).orElseThrow().companyId()).isNull();
    assertThat(call(key, "GET", "/api/accounts/" + attacker.id() + "/users", null).body())
        .doesNotContain(operator.id().toString());
  }

  @Test
  void adminAddingAnExistingUsersEmailOnlyInvitesThemWhateverAccountTheyAreIn() throws Exception {
    Company attacker = fixtures.company("Attacker");
    Company other = fixtures.company("Other");
    User otherMember = fixtures.member(other, Role.MEMBER, License.FULL);
    User individual = fixtures.individual();
    IssuedApiKey key = apiKeys.issue(attacker.admin());

    String bodyShape = null;
    for (User victim : List.of(individual, otherMember, other.admin())) {
      String email = mixedCase(victim.email());
      HttpResponse<String> added = addUser(key, attacker.id(), email);
      assertThat(added.statusCode()).as(victim.email()).isEqualTo(202);
      Map<String, Object> invitation = JsonPath.read(added.body(), "$");
      assertThat(invitation.get("state")).isEqualTo("PENDING");
      assertThat(invitation.get("email")).isEqualTo(email);
      assertThat(invitation).containsKey("expiresAt");
      // the same answer whichever account the email belongs to: same fields, nothing about them
      String shape = String.join(",", invitation.keySet());
      assertThat(bodyShape == null ? shape : bodyShape).isEqualTo(shape);
      bodyShape = shape;
      assertThat(added.body()).doesNotContain(victim.name()).doesNotContain(other.account().name());

      User after = users.user(victim.id()).orElseThrow();
      assertThat(after.companyId()).isEqualTo(victim.companyId());
      assertThat(after.role()).isEqualTo(victim.role());
    }
  }

  @Test
  void adminCanNotActForAnInvitedUserBeforeTheyAccept() throws Exception {
    Company attacker = fixtures.company("Attacker");
    User individual = fixtures.individual();
    IssuedApiKey key = apiKeys.issue(attacker.admin());
    assertThat(addUser(key, attacker.id(), individual.email()).statusCode()).isEqualTo(202);

    String base = "/api/accounts/" + attacker.id() + "/users/" + individual.id();
    assertThat(call(key, "GET", base, null).statusCode()).isEqualTo(404);
    assertThat(call(key, "PATCH", base, "{\"state\":\"SUSPENDED\"}").statusCode()).isEqualTo(404);
    assertThat(call(key, "DELETE", base, null).statusCode()).isEqualTo(404);
    HttpResponse<String> minted =
        call(
            key,
            "POST",
            "/api/developer/accounts/" + attacker.id() + "/api-keys",
            "{\"name\":\"capture\",\"userId\":\"%s\",\"scopes\":[\"OAuth2Read\"]}"
                .formatted(individual.id()));
    assertThat(minted.statusCode()).isEqualTo(422);
    HttpResponse<String> team =
        call(
            key,
            "POST",
            "/api/accounts/" + attacker.id() + "/teams",
            "{\"name\":\"t-%s\",\"memberIds\":[\"%s\"]}"
                .formatted(attacker.tag(), individual.id()));
    assertThat(team.statusCode()).isEqualTo(422);
    assertThat(users.user(individual.id()).orElseThrow().state()).isEqualTo(UserState.ACTIVE);
    assertThat(keysOf(individual.id())).isZero();
  }

  @Test
  void adminAddingTheOperatorOrAnIndividualThroughTheConsoleAttachesNobody() throws Exception {
    Company attacker = fixtures.company("Attacker");
    User operator = fixtures.operator();
    User individual = fixtures.individual();
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(attacker.admin().email(), TestAccounts.PASSWORD);
    String form = "/accounts/" + attacker.id() + "/users/new";

    HttpResponse<String> refused =
        browser.submit(form, form, newUserForm(operator.email().toUpperCase(Locale.ROOT)));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("cannot join a company");

    HttpResponse<String> invited =
        browser.follow(browser.submit(form, form, newUserForm(mixedCase(individual.email()))));
    assertThat(invited.body()).contains("Invitation sent to");
    assertThat(invited.body()).contains("Pending invitations");

    assertThat(users.user(operator.id()).orElseThrow().companyId()).isNull();
    assertThat(users.user(individual.id()).orElseThrow().companyId()).isNull();
  }

  @Test
  void noKeyAnAdminMintsListsAccounts() throws Exception {
    Company attacker = fixtures.company("Attacker");
    User member = fixtures.member(attacker, Role.MEMBER, License.FULL);
    IssuedApiKey adminKey = apiKeys.issue(attacker.admin());
    for (User user : List.of(attacker.admin(), member)) {
      HttpResponse<String> minted =
          call(
              adminKey,
              "POST",
              "/api/developer/accounts/" + attacker.id() + "/api-keys",
              "{\"name\":\"k\",\"userId\":\"%s\",\"scopes\":[\"OAuth2Read\",\"OAuth2Write\"]}"
                  .formatted(user.id()));
      assertThat(minted.statusCode()).isEqualTo(201);
      String credentials =
          JsonPath.read(minted.body(), "$.accessKey")
              + ":"
              + JsonPath.read(minted.body(), "$.secretKey");
      String basic =
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> accounts = raw(basic, "GET", "/api/accounts", null);
      assertThat(accounts.statusCode()).isIn(403, 404);
      assertThat(accounts.body()).doesNotContain(attacker.account().name());
    }
  }

  private HttpResponse<String> addUser(IssuedApiKey key, UUID companyId, String email)
      throws IOException, InterruptedException {
    return call(
        key,
        "POST",
        "/api/accounts/" + companyId + "/users",
        "{\"email\":\"%s\",\"name\":\"Captured\",\"role\":\"ADMIN\",\"license\":\"FULL\",\"password\":\"attacker-password-1\"}"
            .formatted(email));
  }

  private HttpResponse<String> call(IssuedApiKey key, String method, String path, String body)
      throws IOException, InterruptedException {
    return raw(TestApiKeys.basic(key), method, path, body);
  }

  private HttpResponse<String> raw(String authorization, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", authorization)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private long keysOf(UUID userId) {
    return jdbc.sql("select count(*) from key_api_key where user_id = :u")
        .param("u", userId)
        .query(Long.class)
        .single();
  }

  private static Map<String, String> newUserForm(String email) {
    return Map.of(
        "email", email, "name", "Captured", "role", "ADMIN", "license", "FULL", "password", "");
  }

  /** The email with its letters in alternating case: emails are case-insensitive (TEN-2). */
  private static String mixedCase(String email) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      sb.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }
}
