package dev.portico.authserver;

import static dev.portico.authserver.OAuthFlow.actor;
import static dev.portico.authserver.OAuthFlow.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.accounts.UserChanges;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.applications.ApplicationCredentials;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationSharing;
import dev.portico.applications.AssignmentKind;
import dev.portico.applications.AssignmentSelection;
import dev.portico.applications.IssuedApplication;
import dev.portico.applications.SecretOverlap;
import dev.portico.authserver.internal.TokenHashes;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer access tokens on {@code /api/**} (API-1, API-2): tokens got through the plain-HTTP flow
 * open {@code sessioninfo} with the app's client id and the token's scopes (the email only with
 * {@code OAuth2ReadPII}); scope per method holds; an unknown, garbled or expired token is 401; and
 * a revoked grant, a deleted app, a removed assignment, a suspended user or one removed from the
 * company are refused at once on this node. A regenerated client secret keeps tokens working.
 */
@PorticoTest
class BearerTokenTests {

  static final Set<Scope> READ_WRITE = EnumSet.of(Scope.OAuth2Read, Scope.OAuth2Write);

  @LocalServerPort int port;
  @Autowired TestAccounts fixtures;
  @Autowired ApplicationManagement applications;
  @Autowired ApplicationSharing sharing;
  @Autowired ApplicationCredentials credentials;
  @Autowired UserManagement users;
  @Autowired Grants grants;
  @Autowired JdbcClient jdbc;

  OAuthFlow flow;

  @BeforeEach
  void setUp() {
    flow = new OAuthFlow(port);
  }

  @Test
  void sessionInfoWithABearerTokenHasTheClientIdAndTheTokensScopesButNoEmailWithoutReadPii()
      throws Exception {
    Company acme = fixtures.company("Bearer");
    User dev = fixtures.member(acme, Role.MEMBER, License.FULL);
    IssuedApplication app = individualApp(EnumSet.allOf(Scope.class));

    String token = flow.authorize(app, dev, READ_WRITE).access();
    HttpResponse<String> info = flow.get("/api/users/sessioninfo", token);

    assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
    JsonNode body = JsonMapper.shared().readTree(info.body());
    assertThat(body.get("id").asString()).isEqualTo(dev.id().toString());
    assertThat(body.get("name").asString()).isEqualTo(dev.name());
    assertThat(body.has("email")).isFalse();
    assertThat(body.get("isLight").asBoolean()).isFalse();
    assertThat(body.get("company").get("id").asString()).isEqualTo(acme.id().toString());
    assertThat(body.get("company").get("name").asString()).isEqualTo(acme.account().name());
    assertThat(body.get("clientId").asString()).isEqualTo(app.application().clientId());
    assertThat(body.get("oauth2Scopes").asInt()).isEqualTo(Scope.bits(READ_WRITE));
    assertThat(body.get("role").asString()).isEqualTo("MEMBER");
  }

  @Test
  void sessionInfoWithABearerTokenHoldingReadPiiHasTheEmail() throws Exception {
    User solo = fixtures.individual();
    IssuedApplication app = individualApp(EnumSet.of(Scope.OAuth2Read, Scope.OAuth2ReadPII));

    String token =
        flow.authorize(app, solo, EnumSet.of(Scope.OAuth2Read, Scope.OAuth2ReadPII)).access();
    JsonNode body = JsonMapper.shared().readTree(flow.get("/api/users/sessioninfo", token).body());

    assertThat(body.get("email").asString()).isEqualTo(solo.email());
    assertThat(body.get("oauth2Scopes").asInt())
        .isEqualTo(Scope.OAuth2Read.bit() | Scope.OAuth2ReadPII.bit());
    assertThat(body.get("company").isNull()).isTrue();
  }

  @Test
  void unknownGarbledPlaceholderAndExpiredTokensAreRefused() throws Exception {
    User solo = fixtures.individual();
    IssuedApplication app = individualApp(READ_WRITE);
    String token = flow.authorize(app, solo, READ_WRITE).access();
    String expired = flow.authorize(app, solo, READ_WRITE).access();
    jdbc.sql(
            "update as_authorization set access_expires_at = access_issued_at"
                + " where access_hash = :h")
        .param("h", TokenHashes.sha256Hex(expired))
        .update();

    for (String refused :
        new String[] {
          "unknown-" + UUID.randomUUID(),
          token + "x",
          token.substring(1),
          TokenHashes.sha256Hex(token),
          TokenHashes.placeholder(TokenHashes.sha256Hex(token)),
          "x".repeat(5000),
          expired
        }) {
      HttpResponse<String> answer = flow.get("/api/users/sessioninfo", refused);
      assertThat(answer.statusCode()).as(refused).isEqualTo(401);
      assertThat(answer.body()).contains("invalid_credentials").doesNotContain(refused);
    }
    assertThat(flow.get("/api/users/sessioninfo", token).statusCode()).isEqualTo(200);
  }

  @Test
  void bearerTokenWithoutOAuth2ReadCanNotReadButOneWithItCan() throws Exception {
    User solo = fixtures.individual();
    IssuedApplication app = individualApp(READ_WRITE);
    String writeOnly = flow.authorize(app, solo, EnumSet.of(Scope.OAuth2Write)).access();
    String read = flow.authorize(app, solo, EnumSet.of(Scope.OAuth2Read)).access();

    HttpResponse<String> refused = flow.get("/api/companies", writeOnly);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("\"requiredScope\":\"OAuth2Read\"");
    assertThat(flow.get("/api/companies", read).statusCode()).isEqualTo(200);
  }

  @Test
  void revokedGrantIsRefusedAtOnceAndOtherGrantsKeepWorking() throws Exception {
    User solo = fixtures.individual();
    User other = fixtures.individual();
    IssuedApplication app = individualApp(READ_WRITE);
    String token = flow.authorize(app, solo, READ_WRITE).access();
    String othersToken = flow.authorize(app, other, READ_WRITE).access();
    assertThat(flow.get("/api/users/sessioninfo", token).statusCode()).isEqualTo(200);

    grants.revoke(solo.id(), app.application().id());

    assertThat(flow.get("/api/users/sessioninfo", token).statusCode()).isEqualTo(401);
    assertThat(flow.get("/api/users/sessioninfo", othersToken).statusCode()).isEqualTo(200);
  }

  @Test
  void tokensOfADeletedApplicationAreRefused() throws Exception {
    User solo = fixtures.individual();
    IssuedApplication app = individualApp(READ_WRITE);
    String token = flow.authorize(app, solo, READ_WRITE).access();
    assertThat(flow.get("/api/users/sessioninfo", token).statusCode()).isEqualTo(200);

    applications.delete(actor(owner), app.application());

    assertThat(flow.get("/api/users/sessioninfo", token).statusCode()).isEqualTo(401);
    assertThat(authorizationsOf(app)).isZero();
  }

  @Test
  void userWhoseAssignmentWasRemovedIsRefused() throws Exception {
    Company acme = fixtures.company("Assigned");
    User dev = fixtures.member(acme, Role.MEMBER, License.FULL);
    IssuedApplication app = companyApp(acme, dev);
    String token = flow.authorize(app, dev, READ_WRITE).access();
    assertThat(flow.get("/api/users/sessioninfo", token).statusCode()).isEqualTo(200);

    sharing.unassign(actor(acme.admin()), app.application(), AssignmentKind.USER, dev.id());

    assertThat(flow.get("/api/users/sessioninfo", token).statusCode()).isEqualTo(401);
    assertThat(authorizationsOf(app)).isZero();
  }

  @Test
  void suspendedUserIsRefusedAndReactivatedUserIsAcceptedAgain() throws Exception {
    Company acme = fixtures.company("Suspended");
    User dev = fixtures.member(acme, Role.MEMBER, License.FULL);
    IssuedApplication app = companyApp(acme, dev);
    String token = flow.authorize(app, dev, READ_WRITE).access();
    assertThat(flow.get("/api/users/sessioninfo", token).statusCode()).isEqualTo(200);

    users.changeUser(
        Actor.SYSTEM, acme.id(), dev.id(), new UserChanges(null, null, UserState.SUSPENDED));
    HttpResponse<String> refused = flow.get("/api/users/sessioninfo", token);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("inactive_user");

    users.changeUser(
        Actor.SYSTEM, acme.id(), dev.id(), new UserChanges(null, null, UserState.ACTIVE));
    assertThat(flow.get("/api/users/sessioninfo", token).statusCode()).isEqualTo(200);
  }

  @Test
  void userRemovedFromTheCompanyLosesTheGrantsOfItsApplicationsButNotOthers() throws Exception {
    Company acme = fixtures.company("Removed");
    User dev = fixtures.member(acme, Role.MEMBER, License.FULL);
    IssuedApplication companyApp = companyApp(acme, dev);
    IssuedApplication elsewhere = individualApp(READ_WRITE);
    String companyToken = flow.authorize(companyApp, dev, READ_WRITE).access();
    String otherToken = flow.authorize(elsewhere, dev, READ_WRITE).access();

    users.removeFromCompany(Actor.SYSTEM, acme.id(), dev.id());

    assertThat(flow.get("/api/users/sessioninfo", companyToken).statusCode()).isEqualTo(401);
    assertThat(authorizationsOf(companyApp)).isZero();
    HttpResponse<String> stillWorks = flow.get("/api/users/sessioninfo", otherToken);
    assertThat(stillWorks.statusCode()).isEqualTo(200);
    assertThat(JsonMapper.shared().readTree(stillWorks.body()).get("company").isNull()).isTrue();
  }

  @Test
  void regeneratingTheClientSecretDoesNotRevokeIssuedTokens() throws Exception {
    User solo = fixtures.individual();
    IssuedApplication app = individualApp(READ_WRITE);
    String cached = flow.authorize(app, solo, READ_WRITE).access();
    String notYetUsed = flow.authorize(app, solo, READ_WRITE).access();
    assertThat(flow.get("/api/users/sessioninfo", cached).statusCode()).isEqualTo(200);

    credentials.regenerateSecret(actor(owner), app.application(), SecretOverlap.NONE);

    assertThat(flow.get("/api/users/sessioninfo", cached).statusCode()).isEqualTo(200);
    assertThat(flow.get("/api/users/sessioninfo", notYetUsed).statusCode()).isEqualTo(200);
  }

  User owner;

  /** An app of an individual developer: any active user may hold a grant of it. */
  private IssuedApplication individualApp(Set<Scope> scopes) {
    owner = fixtures.individual();
    return register(applications, owner, owner.personalAccountId(), scopes);
  }

  /** An app of the company, shared with this member (SHR-3). */
  private IssuedApplication companyApp(Company company, User member) {
    IssuedApplication app = register(applications, company.admin(), company.id(), READ_WRITE);
    sharing.assign(
        actor(company.admin()),
        app.application(),
        new AssignmentSelection(Set.of(member.id()), Set.of(), Set.of()));
    return app;
  }

  private long authorizationsOf(IssuedApplication app) {
    return jdbc.sql("select count(*) from as_authorization where registered_client_id = :c")
        .param("c", app.application().id().toString())
        .query(Long.class)
        .single();
  }
}
