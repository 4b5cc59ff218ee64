package dev.portico.gateway;

import static dev.portico.support.TestApiKeys.basic;
import static dev.portico.support.TestApiKeys.nonce;
import static dev.portico.support.TestApiKeys.signedHeaders;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.Stack;
import dev.portico.accounts.User;
import dev.portico.accounts.UserChanges;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.apikeys.ApiKeyManagement;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.Actor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The /api/** chain with API keys (API-1, KEY-3..7, API-2, API-4). */
@PorticoTest
class ApiKeyAuthenticationTests {

  static final String JSON = "application/json";

  @Autowired MockMvc mvc;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();
  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired ApiKeyManagement keyManagement;
  @Autowired UserManagement userManagement;

  @Test
  void signedRequestWhenValidThenSessionInfoHasReferenceShape() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin(), Scope.OAuth2Read, Scope.OAuth2ReadPII);
    signed(key, "/api/users/sessioninfo", "", nonce(), Instant.now())
        .andExpect(200)
        .andExpectJson("$.id", acme.admin().id().toString())
        .andExpectJson("$.name", acme.admin().name())
        .andExpectJson("$.email", acme.admin().email())
        .andExpectJson("$.isLight", false)
        .andExpectJson("$.company.id", acme.id().toString())
        .andExpectJson("$.oauth2Scopes", 3)
        .andExpectJson("$.role", "ADMIN")
        .andExpectNo("$.clientId")
        .andExpectHeader("X-Rate-Limit-Remaining");
  }

  @Test
  void sessionInfoWhenNoReadPiiScopeThenEmailIsLeftOut() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin(), Scope.OAuth2Write);
    signed(key, "/api/users/sessioninfo", "", nonce(), Instant.now())
        .andExpect(200)
        .andExpectNo("$.email")
        .andExpectJson("$.oauth2Scopes", 4);
  }

  @Test
  void companiesWhenVendorMediaTypeAcceptedThenJson() throws Exception {
    Company acme = accounts.enterprise("Acme");
    IssuedApiKey key =
        keys.issue(
            acme.admin(),
            acme.id(),
            new Stack(acme.id(), acme.account().domain()),
            Scope.OAuth2Read);
    mvc.perform(
            get("/api/companies")
                .header("Authorization", basic(key))
                .header("Host", acme.account().domain())
                .header("Accept", "application/vnd.onshape.v1+json;charset=UTF-8; qs=0.09"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].id").value(acme.id().toString()))
        .andExpect(jsonPath("$.items[0].type").value("ENTERPRISE"))
        .andExpect(
            jsonPath("$.items[0].domainPrefix")
                .value(acme.account().domain().substring(0, acme.account().domain().indexOf('.'))))
        .andExpect(jsonPath("$.items[0].admin").value(true));
  }

  @Test
  void signedRequestWhenSignatureWrongThenUnauthenticatedWithReferenceBody() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    Map<String, String> headers =
        signedHeaders(key, "GET", "/api/users/sessioninfo", "", JSON, nonce(), Instant.now());
    String auth = headers.get("Authorization");
    headers.put(
        "Authorization",
        auth.substring(0, auth.length() - 3) + (auth.endsWith("A=") ? "Bx=" : "Ax="));
    send("/api/users/sessioninfo", "", headers)
        .andExpect(401)
        .andExpectJson("$.message", "Unauthenticated API request")
        .andExpectJson("$.status", 401)
        .andExpectJson("$.reason", "invalid_signature")
        .andExpectHeader("X-Rate-Limit-Remaining");
  }

  @Test
  void signedRequestWhenKeyUnknownThenSameAnswerAsWrongSignature() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    Map<String, String> headers =
        signedHeaders(key, "GET", "/api/users/sessioninfo", "", JSON, nonce(), Instant.now());
    headers.put(
        "Authorization",
        headers.get("Authorization").replace(key.key().accessKey(), "UnknownAccessKey0000000"));
    send("/api/users/sessioninfo", "", headers)
        .andExpect(401)
        .andExpectJson("$.reason", "invalid_signature");
  }

  @Test
  void signedRequestWhenDateStaleOrInFutureThenRefused() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    signed(key, "/api/users/sessioninfo", "", nonce(), Instant.now().minus(Duration.ofMinutes(6)))
        .andExpect(401)
        .andExpectJson("$.reason", "stale_date");
    signed(key, "/api/users/sessioninfo", "", nonce(), Instant.now().plus(Duration.ofMinutes(6)))
        .andExpect(401)
        .andExpectJson("$.reason", "stale_date");
    signed(key, "/api/users/sessioninfo", "", nonce(), Instant.now().minus(Duration.ofMinutes(4)))
        .andExpect(200);
  }

  @Test
  void signedRequestWhenNonceShortThenRefused() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    signed(key, "/api/users/sessioninfo", "", "abcdefghijklmno", Instant.now())
        .andExpect(401)
        .andExpectJson("$.reason", "invalid_nonce");
  }

  @Test
  void signedRequestWhenNonceReplayedThenRefused() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    String nonce = nonce();
    Instant at = Instant.now();
    signed(key, "/api/users/sessioninfo", "", nonce, at).andExpect(200);
    signed(key, "/api/users/sessioninfo", "", nonce, at)
        .andExpect(401)
        .andExpectJson("$.reason", "replayed_nonce");
  }

  @Test
  void replayWithNonceInOtherLetterCaseIsRefused() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    String nonce = "ABCDEFGHIJKLMNOP" + nonce();
    Instant at = Instant.now();
    Map<String, String> captured =
        signedHeaders(key, "GET", "/api/users/sessioninfo", "", JSON, nonce, at);
    send("/api/users/sessioninfo", "", captured).andExpect(200);
    Map<String, String> replayed = new java.util.LinkedHashMap<>(captured);
    replayed.put("On-Nonce", nonce.toLowerCase(java.util.Locale.ROOT));
    // the signature covers the lower-cased nonce: the same signature, the same nonce
    org.assertj.core.api.Assertions.assertThat(replayed.get("Authorization"))
        .isEqualTo(
            signedHeaders(
                    key,
                    "GET",
                    "/api/users/sessioninfo",
                    "",
                    JSON,
                    nonce.toLowerCase(java.util.Locale.ROOT),
                    at)
                .get("Authorization"));
    send("/api/users/sessioninfo", "", replayed)
        .andExpect(401)
        .andExpectJson("$.reason", "replayed_nonce");
    Map<String, String> mixed = new java.util.LinkedHashMap<>(captured);
    mixed.put("On-Nonce", "abcdefghijklmnop" + nonce.substring(16));
    send("/api/users/sessioninfo", "", mixed)
        .andExpect(401)
        .andExpectJson("$.reason", "replayed_nonce");
  }

  @Test
  void sameNonceUnderAnotherAccessKeyIsNotAReplay() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey one = keys.issue(acme.admin());
    IssuedApiKey other = keys.issue(acme.admin());
    String nonce = nonce();
    Instant at = Instant.now();
    signed(one, "/api/users/sessioninfo", "", nonce, at).andExpect(200);
    signed(other, "/api/users/sessioninfo", "", nonce, at).andExpect(200);
    signed(other, "/api/users/sessioninfo", "", nonce, at)
        .andExpect(401)
        .andExpectJson("$.reason", "replayed_nonce");
  }

  @Test
  void signedRequestWhenQueryPresentThenRawQueryIsSigned() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    signed(key, "/api/companies", "a=1&b=%2Fx", nonce(), Instant.now()).andExpect(200);
  }

  @Test
  void deletedKeyIsRefusedAtOnceOnTheSameNode() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    signed(key, "/api/users/sessioninfo", "", nonce(), Instant.now()).andExpect(200);
    keyManagement.delete(Actor.SYSTEM, acme.id(), key.key().id());
    signed(key, "/api/users/sessioninfo", "", nonce(), Instant.now())
        .andExpect(401)
        .andExpectJson("$.reason", "invalid_signature");
  }

  @Test
  void keyOfSuspendedUserIsRefused() throws Exception {
    Company acme = accounts.company("Acme");
    User bob = accounts.member(acme, Role.MEMBER, License.FULL);
    IssuedApiKey key = keys.issue(bob);
    signed(key, "/api/users/sessioninfo", "", nonce(), Instant.now()).andExpect(200);
    userManagement.changeUser(
        Actor.SYSTEM, acme.id(), bob.id(), new UserChanges(null, null, UserState.SUSPENDED));
    signed(key, "/api/users/sessioninfo", "", nonce(), Instant.now())
        .andExpect(401)
        .andExpectJson("$.reason", "inactive_user");
  }

  @Test
  void keyOfUserWhoLeftTheCompanyIsRefused() throws Exception {
    Company acme = accounts.company("Acme");
    User bob = accounts.member(acme, Role.MEMBER, License.FULL);
    IssuedApiKey key = keys.issue(bob);
    userManagement.removeFromCompany(Actor.SYSTEM, acme.id(), bob.id());
    // the removal deleted the key (KEY-3): it is unknown now, not merely inactive
    mvc.perform(get("/api/users/sessioninfo").header("Authorization", basic(key)))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.reason").value("invalid_credentials"));
  }

  @Test
  void keyWorksOnlyOnTheStackItWasCreatedOn() throws Exception {
    Company acme = accounts.enterprise("Acme");
    IssuedApiKey key =
        keys.issue(
            acme.admin(),
            acme.id(),
            new Stack(acme.id(), acme.account().domain()),
            Scope.OAuth2Read);
    mvc.perform(
            get("/api/users/sessioninfo")
                .header("Authorization", basic(key))
                .header("Host", acme.account().domain() + ":8443"))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/users/sessioninfo")
                .header("Authorization", basic(key))
                .header("Host", "localhost"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.reason").value("wrong_stack"));
  }

  @Test
  void operatorKeyWorksOnEveryStack() throws Exception {
    Company acme = accounts.enterprise("Acme");
    User operator = accounts.operator();
    IssuedApiKey key = keys.issue(operator);
    mvc.perform(
            get("/api/users/sessioninfo")
                .header("Authorization", basic(key))
                .header("Host", acme.account().domain()))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/users/sessioninfo")
                .header("Authorization", basic(key))
                .header("Host", "localhost"))
        .andExpect(status().isOk());
  }

  @Test
  void requestWhenScopeMissingThenForbidden() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey writeOnly = keys.issue(acme.admin(), Scope.OAuth2Write);
    signed(writeOnly, "/api/companies", "", nonce(), Instant.now())
        .andExpect(403)
        .andExpectJson("$.status", 403)
        .andExpectJson("$.requiredScope", "OAuth2Read");
    IssuedApiKey reader = keys.issue(acme.admin(), Scope.OAuth2Read);
    signed(reader, "/api/companies", "", nonce(), Instant.now()).andExpect(200);
  }

  @Test
  void basicAuthWhenSecretRightThenAcceptedAndWhenWrongThenRefused() throws Exception {
    Company acme = accounts.company("Acme");
    IssuedApiKey key = keys.issue(acme.admin());
    mvc.perform(get("/api/users/sessioninfo").header("Authorization", basic(key)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(acme.admin().id().toString()));
    IssuedApiKey wrong = new IssuedApiKey(key.key(), key.secretKey().substring(1) + "x");
    mvc.perform(get("/api/users/sessioninfo").header("Authorization", basic(wrong)))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.reason").value("invalid_credentials"));
  }

  @Test
  void requestWithoutCredentialsOrWithConsoleSessionIsUnauthenticated() throws Exception {
    Company acme = accounts.company("Acme");
    mvc.perform(get("/api/users/sessioninfo"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.reason").value("missing_credentials"));
    mvc.perform(get("/api/users/sessioninfo").with(TestAccounts.as(acme.admin())))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/users/sessioninfo").header("Authorization", "On garbage"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.reason").value("malformed_authorization"));
  }

  /** Sends a signed GET over real HTTP, as an independent client would: the raw path and query. */
  private HttpAnswer signed(IssuedApiKey key, String path, String query, String nonce, Instant at)
      throws Exception {
    return send(path, query, signedHeaders(key, "GET", path, query, JSON, nonce, at));
  }

  private HttpAnswer send(String path, String query, Map<String, String> headers) throws Exception {
    String uri = "http://localhost:" + port + path + (query.isEmpty() ? "" : "?" + query);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(uri)).GET().header("Accept", JSON);
    headers.forEach(request::header);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new HttpAnswer(response);
  }

  /** A response with the few assertions these tests need. */
  record HttpAnswer(HttpResponse<String> response) {

    HttpAnswer andExpect(int status) {
      org.assertj.core.api.Assertions.assertThat(response.statusCode())
          .as(response.body())
          .isEqualTo(status);
      return this;
    }

    HttpAnswer andExpectJson(String path, Object value) {
      Object actual = com.jayway.jsonpath.JsonPath.read(response.body(), path);
      org.assertj.core.api.Assertions.assertThat(actual).as(response.body()).isEqualTo(value);
      return this;
    }

    HttpAnswer andExpectNo(String path) {
      org.assertj.core.api.Assertions.assertThat(response.body())
          .doesNotContain("\"" + path.substring(2) + "\"");
      return this;
    }

    HttpAnswer andExpectHeader(String name) {
      org.assertj.core.api.Assertions.assertThat(response.headers().firstValue(name)).isPresent();
      return this;
    }
  }
}
