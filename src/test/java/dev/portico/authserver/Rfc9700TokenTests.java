package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.REDIRECTS;
import static dev.portico.authserver.AuthServerFixtures.issue;
import static dev.portico.authserver.OAuthTestClient.basic;
import static dev.portico.authserver.OAuthTestClient.enc;
import static dev.portico.authserver.OAuthTestClient.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.OAuthTestClient.Pkce;
import dev.portico.authserver.OAuthTestClient.Tokens;
import dev.portico.authserver.internal.TokenHashes;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * RFC 9700 (OAuth 2.0 Security BCP) and RFC 6749 at the token endpoint, with a plain HTTP client:
 * the redirect URI and the PKCE verifier must match what was sent to authorize; a code is single
 * use and 60 s, and a second use revokes what it issued; a rotated refresh token presented again
 * revokes its authorization (its newest tokens too); one client cannot use another's code or
 * refresh token (racing requests: {@link RacingTokenRequestsTests}); every error is RFC 6749 §5.2
 * JSON with its status, never 5xx, never HTML.
 */
@PorticoTest
class Rfc9700TokenTests {

  private static final String GRANT = "invalid_grant";
  private static final String REQUEST = "invalid_request";
  private static final String UNSUPPORTED = "unsupported_grant_type";
  private static final String CLIENT = "invalid_client";

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;
  @Autowired JdbcClient jdbc;

  OAuthTestClient client;
  Company acme;
  ConsoleClient browser;

  @BeforeEach
  void signIn() {
    client = new OAuthTestClient(port);
    acme = fixtures.company("Rfc9700");
    browser = new ConsoleClient(port);
    browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);
  }

  private IssuedApplication app() {
    return issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
  }

  private String code(IssuedApplication app) {
    return client.code(browser, app, REDIRECTS.get(0), "");
  }

  private Tokens tokens(IssuedApplication app) {
    return client.exchange(app, code(app), REDIRECTS.get(0), "");
  }

  @Test
  void theRedirectUriAtTheTokenEndpointMustBeTheOneSentToAuthorize() {
    IssuedApplication app = app();
    String code = client.code(browser, app, REDIRECTS.get(1), "");

    for (String wrong : new String[] {REDIRECTS.get(0), REDIRECTS.get(1) + "/x", null}) {
      HttpResponse<String> refused = client.exchangeAnswer(app, code, wrong, "");
      assertThat(refused.statusCode()).as(wrong + " " + refused.body()).isEqualTo(400);
      assertThat(error(refused)).isEqualTo("invalid_grant");
    }
    // The refusals were about the redirect URI: with the one sent, the code works.
    client.exchange(app, code, REDIRECTS.get(1), "");
  }

  @Test
  void aMissingOrWrongPkceVerifierIsRefused() {
    IssuedApplication web = app();
    IssuedApplication desktop = issue(management, acme, ApplicationType.CONNECTED_DESKTOP);
    String localhost = desktop.application().redirectUrls().get(0);
    assertThat(localhost).startsWith("http://localhost:");

    for (IssuedApplication app : List.of(web, desktop)) {
      String redirect = app.equals(web) ? REDIRECTS.get(0) : localhost;
      Pkce pkce = Pkce.fresh();
      String code = client.code(browser, app, redirect, pkce.challengeParameters());
      for (String verifier :
          new String[] {"", "&code_verifier=" + enc(Pkce.fresh().verifier()), "&code_verifier="}) {
        HttpResponse<String> refused = client.exchangeAnswer(app, code, redirect, verifier);
        assertThat(refused.statusCode()).as(verifier + " " + refused.body()).isEqualTo(400);
        assertThat(error(refused)).isEqualTo("invalid_grant");
      }
      client.exchange(app, code, redirect, "&code_verifier=" + enc(pkce.verifier()));
    }
  }

  @Test
  void aSecondUseOfACodeRevokesWhatTheFirstIssued() {
    IssuedApplication app = app();
    String code = code(app);
    Tokens first = client.exchange(app, code, REDIRECTS.get(0), "");
    assertThat(client.active(app, first.access())).isTrue();

    HttpResponse<String> again = client.exchangeAnswer(app, code, REDIRECTS.get(0), "");

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(error(again)).isEqualTo("invalid_grant");
    assertThat(client.active(app, first.access())).isFalse();
    assertThat(client.active(app, first.refresh())).isFalse();
    HttpResponse<String> refresh = client.refresh(app, first.refresh());
    assertThat(refresh.statusCode()).isEqualTo(400);
    assertThat(error(refresh)).isEqualTo("invalid_grant");
    // Revoked through Grants (GrantsRevoked for the Bearer cache), not only marked invalid.
    assertThat(rowsHolding(code)).isZero();
  }

  @Test
  void anExpiredCodeIsRefused() {
    IssuedApplication app = app();
    String code = code(app);
    String hash = TokenHashes.sha256Hex(code);
    Instant[] times =
        jdbc.sql("select code_issued_at, code_expires_at from as_authorization where code_hash = ?")
            .param(hash)
            .query(
                (rs, n) ->
                    new Instant[] {
                      rs.getObject(1, OffsetDateTime.class).toInstant(),
                      rs.getObject(2, OffsetDateTime.class).toInstant()
                    })
            .single();
    Instant issued = times[0];
    Instant expires = times[1];
    assertThat(Duration.between(issued, expires)).isEqualTo(Duration.ofSeconds(60));
    // The code's 60 s are over (as if the client had waited 61 s).
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    jdbc.sql(
            "update as_authorization set code_issued_at = ?, code_expires_at = ?"
                + " where code_hash = ?")
        .params(now.minusSeconds(61), now.minusSeconds(1), hash)
        .update();

    HttpResponse<String> refused = client.exchangeAnswer(app, code, REDIRECTS.get(0), "");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(error(refused)).isEqualTo("invalid_grant");
    assertThat(refused.body()).doesNotContain("access_token");
  }

  @Test
  void aRotatedRefreshTokenPresentedAgainRevokesItsAuthorizationNewestTokensToo() {
    IssuedApplication app = app();
    Tokens first = tokens(app);
    HttpResponse<String> second = client.refresh(app, first.refresh());
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    Tokens rotated = OAuthTestClient.tokens(second);
    HttpResponse<String> third = client.refresh(app, rotated.refresh());
    assertThat(third.statusCode()).as(third.body()).isEqualTo(200);
    Tokens newest = OAuthTestClient.tokens(third);
    assertThat(client.active(app, newest.access())).isTrue();
    assertThat(rotatedRows(newest.refresh())).isEqualTo(2);

    HttpResponse<String> reused = client.refresh(app, first.refresh());

    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(error(reused)).isEqualTo("invalid_grant");
    assertThat(client.active(app, newest.access())).isFalse();
    assertThat(client.active(app, newest.refresh())).isFalse();
    HttpResponse<String> newestRefresh = client.refresh(app, newest.refresh());
    assertThat(newestRefresh.statusCode()).isEqualTo(400);
    assertThat(error(newestRefresh)).isEqualTo("invalid_grant");
    assertThat(rowsHolding(newest.refresh())).isZero();
    assertThat(
            jdbc.sql("select count(*) from as_rotated_refresh where hash in (?, ?)")
                .params(
                    TokenHashes.sha256Hex(first.refresh()),
                    TokenHashes.sha256Hex(rotated.refresh()))
                .query(Long.class)
                .single())
        .as("the rotated hashes go with their authorization")
        .isZero();
  }

  @Test
  void oneClientCannotRedeemAnothersCodeNorRefreshItsToken() {
    IssuedApplication a = app();
    IssuedApplication b = app();
    String codeOfB = code(b);

    HttpResponse<String> redeemed = client.exchangeAnswer(a, codeOfB, REDIRECTS.get(0), "");
    assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(400);
    assertThat(error(redeemed)).isEqualTo("invalid_grant");
    assertThat(redeemed.body()).doesNotContain("access_token");

    Tokens ofB = tokens(b);
    HttpResponse<String> refreshed = client.refresh(a, ofB.refresh());
    assertThat(refreshed.statusCode()).isEqualTo(400);
    assertThat(error(refreshed)).isEqualTo("invalid_grant");
    // B's grant is untouched by A's attempt.
    assertThat(client.active(b, ofB.access())).isTrue();
    assertThat(client.refresh(b, ofB.refresh()).statusCode()).isEqualTo(200);
  }

  /** A token request and the RFC 6749 §5.2 answer it must get. */
  private record Refusal(String body, @Nullable String basic, int status, String error) {}

  @Test
  void tokenEndpointErrorsAreRfc6749JsonWithTheirStatusNeverHtmlOr5xx() {
    IssuedApplication app = app();
    String auth = basic(app);
    String code = code(app);
    String wrongSecret = basic(app.application().clientId(), "wrong");
    List<Refusal> refusals =
        List.of(
            new Refusal("grant_type=authorization_code&code=nope&redirect_uri=x", auth, 400, GRANT),
            new Refusal("grant_type=refresh_token&refresh_token=nope", auth, 400, GRANT),
            new Refusal("grant_type=refresh_token&refresh_token=" + enc(code), auth, 400, GRANT),
            new Refusal(
                "grant_type=refresh_token&refresh_token=" + enc("\u0000"), auth, 400, GRANT),
            new Refusal("code=" + enc(code), auth, 400, REQUEST),
            new Refusal("grant_type=authorization_code&redirect_uri=x", auth, 400, REQUEST),
            new Refusal("grant_type=refresh_token", auth, 400, REQUEST),
            new Refusal(
                "grant_type=refresh_token&refresh_token=a&refresh_token=b", auth, 400, REQUEST),
            new Refusal("grant_type=refresh_token&grant_type=password", auth, 400, REQUEST),
            new Refusal("grant_type=password&username=u&password=p", auth, 400, UNSUPPORTED),
            new Refusal("grant_type=nonsense", auth, 400, UNSUPPORTED),
            new Refusal("grant_type=refresh_token&refresh_token=x", wrongSecret, 401, CLIENT),
            new Refusal("grant_type=refresh_token&refresh_token=x", null, 401, CLIENT),
            new Refusal("grant_type=refresh_token&refresh_token=x", "Basic !!!", 400, REQUEST),
            new Refusal(
                "grant_type=refresh_token&refresh_token=x&client_id=nobody&client_secret=x",
                null,
                401,
                CLIENT));

    List<String> wrong = new ArrayList<>();
    for (Refusal refusal : refusals) {
      HttpResponse<String> answer = client.token(refusal.body(), refusal.basic());
      String type = answer.headers().firstValue("Content-Type").orElse("");
      if (answer.statusCode() != refusal.status()
          || !type.startsWith("application/json")
          || !answer.body().contains("\"error\":\"" + refusal.error() + "\"")
          || answer.body().contains("<")) {
        wrong.add(refusal + " → " + answer.statusCode() + " " + type + " " + answer.body());
      }
    }

    assertThat(wrong).isEmpty();
    // None of those burned the code.
    client.exchange(app, code, REDIRECTS.get(0), "");
  }

  private long rowsHolding(String token) {
    String hash = TokenHashes.sha256Hex(token);
    return jdbc.sql(
            "select count(*) from as_authorization where code_hash = :h or access_hash = :h"
                + " or refresh_hash = :h")
        .param("h", hash)
        .query(Long.class)
        .single();
  }

  /** How many rotated refresh tokens the authorization now holding this refresh token has. */
  private long rotatedRows(String currentRefresh) {
    return jdbc.sql(
            "select count(*) from as_rotated_refresh r join as_authorization a"
                + " on a.id = r.authorization_id where a.refresh_hash = ?")
        .param(TokenHashes.sha256Hex(currentRefresh))
        .query(Long.class)
        .single();
  }
}
