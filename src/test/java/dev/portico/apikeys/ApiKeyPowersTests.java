package dev.portico.apikeys;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.Stack;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.Actor;
import dev.portico.system.NotFound;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a key may do is derived, never copied (KEY-3 as amended, TEN-4): operator powers only from a
 * key of the operator's own personal account; a company key only for a current member, gone for
 * good when the member is removed; on an enterprise's stack keys only by and for its members and
 * the operator. Checked where keys are minted and where they are resolved, over real HTTP.
 */
@PorticoTest
class ApiKeyPowersTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired ApiKeyManagement management;
  @Autowired ApiKeyDirectory directory;
  @Autowired UserManagement userManagement;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  // ---------------------------------------------------------------- operator powers

  @Test
  void companyKeyOfOperatorFlaggedUserCarriesNoOperatorPowers() throws Exception {
    Company acme = accounts.company("Acme");
    User bob = accounts.member(acme, Role.MEMBER, License.FULL);
    IssuedApiKey key = keys.issue(bob);
    // The state the capture left behind: an operator-flagged user in a company, with a company key.
    flagAsOperator(bob);

    assertThat(getOverHttp("/api/accounts", key, "localhost").statusCode()).isNotEqualTo(200);
    assertThat(getOverHttp("/api/users/sessioninfo", key, "localhost").statusCode()).isEqualTo(401);
    VerifiedKey verified = directory.verifyBasic(key.key().accessKey(), key.secretKey());
    assertThat(verified.operator()).isFalse();
    assertThat(verified.stackKey()).isEqualTo("public");
    assertThat(verified.usable()).isFalse();
  }

  @Test
  void companyKeyIsNeverMintedForAnOperatorFlaggedUser() throws Exception {
    Company acme = accounts.company("Acme");
    User bob = accounts.member(acme, Role.MEMBER, License.FULL);
    flagAsOperator(bob);
    IssuedApiKey adminKey = keys.issue(acme.admin());

    mvc.perform(
            post("/api/developer/accounts/{id}/api-keys", acme.id())
                .header("Authorization", TestApiKeys.basic(adminKey))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"name\":\"capture\",\"userId\":\""
                        + bob.id()
                        + "\",\"scopes\":[\"OAuth2Read\"]}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("userId"));
    assertThat(management.keys(acme.id())).extracting(ApiKey::userId).doesNotContain(bob.id());
  }

  @Test
  void companyKeyStoredAsWorkingOnEveryStackWorksOnNone() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    // a key minted before the fix for a company member flagged as operator got the stack "any"
    jdbc.sql("update key_api_key set stack_key = 'any' where id = :id")
        .param("id", key.key().id())
        .update();

    assertThat(getOverHttp("/api/users/sessioninfo", key, "localhost").body())
        .contains("wrong_stack");
  }

  @Test
  void operatorsPersonalKeyStillListsAccountsOnEveryStack() throws Exception {
    User operator = accounts.operator();
    Company enterprise = accounts.enterprise("Initech");
    IssuedApiKey key = keys.issue(operator);

    assertThat(key.key().stackKey()).isEqualTo("any");
    assertThat(getOverHttp("/api/accounts", key, "localhost").statusCode()).isEqualTo(200);
    assertThat(getOverHttp("/api/accounts", key, enterprise.account().domain()).statusCode())
        .isEqualTo(200);
  }

  // ---------------------------------------------------------------- removal revokes

  @Test
  void removedMembersCompanyKeysAreDeletedAndStayDeadWhenTheyAreAddedAgain() throws Exception {
    Company acme = accounts.company("Acme");
    User bob = accounts.member(acme, Role.MEMBER, License.FULL);
    IssuedApiKey key = keys.issue(bob);
    IssuedApiKey personal = keys.issue(bob, bob.personalAccountId(), new Stack(null, "localhost"));
    assertThat(getOverHttp("/api/users/sessioninfo", key, "localhost").statusCode()).isEqualTo(200);

    userManagement.removeFromCompany(Actor.SYSTEM, acme.id(), bob.id());
    assertThat(getOverHttp("/api/users/sessioninfo", key, "localhost").statusCode()).isEqualTo(401);

    // the same person joins the company again (by whatever means joining takes)
    jdbc.sql("update acc_user set company_id = :c, company_role = 'MEMBER' where id = :u")
        .param("c", acme.id())
        .param("u", bob.id())
        .update();
    assertThat(getOverHttp("/api/users/sessioninfo", key, "localhost").statusCode()).isEqualTo(401);
    assertThat(management.keys(acme.id())).extracting(ApiKey::id).doesNotContain(key.key().id());
    assertThat(
            jdbc.sql(
                    "select count(*) from aud_entry where action = 'apikey.deleted' and target like"
                        + " :t")
                .param("t", "%" + key.key().accessKey() + "%")
                .query(Long.class)
                .single())
        .isEqualTo(1L);
    // their personal key was never the company's to take
    assertThat(getOverHttp("/api/users/sessioninfo", personal, "localhost").statusCode())
        .isEqualTo(200);
  }

  // ---------------------------------------------------------------- enterprise stacks (TEN-4)

  @Test
  void onAnEnterprisesStackAnAdminOfAnotherCompanyCanNotCreateKeys() throws Exception {
    Company enterprise = accounts.enterprise("Globex");
    Company acme = accounts.company("Acme");
    String domain = Objects.requireNonNull(enterprise.account().domain());

    mvc.perform(
            post("/accounts/{id}/developer/api-keys/new", acme.id())
                .header("Host", domain)
                .with(as(acme.admin()))
                .with(csrf())
                .param("name", "elsewhere")
                .param("userId", acme.admin().id().toString())
                .param("scopes", "OAuth2Read"))
        .andExpect(status().isNotFound());
    assertThat(management.keys(acme.id())).isEmpty();
  }

  @Test
  void onAnEnterprisesStackAnIndividualCanNotCreatePersonalKeys() throws Exception {
    Company enterprise = accounts.enterprise("Globex");
    User dave = accounts.individual();

    mvc.perform(
            post("/my/developer/api-keys/new")
                .header("Host", enterprise.account().domain())
                .with(as(dave))
                .with(csrf())
                .param("name", "elsewhere")
                .param("scopes", "OAuth2Read"))
        .andExpect(status().isNotFound());
    assertThat(management.keys(dave.personalAccountId())).isEmpty();
  }

  @Test
  void onAnEnterprisesStackItsMembersCreateKeys() throws Exception {
    Company enterprise = accounts.enterprise("Globex");
    User member = accounts.member(enterprise, Role.MEMBER, License.FULL);
    String domain = Objects.requireNonNull(enterprise.account().domain());

    mvc.perform(
            post("/accounts/{id}/developer/api-keys/new", enterprise.id())
                .header("Host", domain)
                .with(as(enterprise.admin()))
                .with(csrf())
                .param("name", "ours")
                .param("userId", member.id().toString())
                .param("scopes", "OAuth2Read"))
        .andExpect(status().isOk());
    mvc.perform(
            post("/my/developer/api-keys/new")
                .header("Host", domain)
                .with(as(member))
                .with(csrf())
                .param("name", "mine")
                .param("scopes", "OAuth2Read"))
        .andExpect(status().isOk());

    assertThat(management.keys(enterprise.id()))
        .singleElement()
        .satisfies(k -> assertThat(k.stackKey()).isEqualTo(enterprise.id().toString()));
    assertThat(management.keys(member.personalAccountId())).hasSize(1);
  }

  @Test
  void onAnEnterprisesStackTheOperatorCreatesKeysOnlyForItsMembers() {
    Company enterprise = accounts.enterprise("Globex");
    Company acme = accounts.company("Acme");
    User operator = accounts.operator();
    Actor actor = new Actor(operator.id(), operator.email(), true, null);
    Stack stack = new Stack(enterprise.id(), Objects.requireNonNull(enterprise.account().domain()));

    IssuedApiKey ours =
        management.create(
            actor,
            enterprise.id(),
            new NewApiKey("ours", enterprise.admin().id(), Set.of(Scope.OAuth2Read)),
            stack);

    assertThat(ours.key().stackKey()).isEqualTo(enterprise.id().toString());
    org.assertj.core.api.Assertions.assertThatExceptionOfType(NotFound.class)
        .isThrownBy(
            () ->
                management.create(
                    actor,
                    acme.id(),
                    new NewApiKey("theirs", acme.admin().id(), Set.of(Scope.OAuth2Read)),
                    stack));
  }

  private void flagAsOperator(User user) {
    jdbc.sql("update acc_user set operator = true where id = :id").param("id", user.id()).update();
  }

  /**
   * A real HTTP/1.1 request on a socket: the JDK's clients do not let a request name another {@code
   * Host}, and the stack is chosen by it.
   */
  private Answer getOverHttp(String path, IssuedApiKey key, @Nullable String host)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      String request =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: "
              + host
              + "\r\nAuthorization: "
              + TestApiKeys.basic(key)
              + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      int bodyStart = response.indexOf("\r\n\r\n");
      return new Answer(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
    }
  }

  record Answer(int statusCode, String body) {}
}
