package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.issue;
import static dev.portico.authserver.OAuthTestClient.basic;
import static dev.portico.authserver.OAuthTestClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.ApplicationCredentials;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.applications.SecretOverlap;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token endpoint authenticates an app by its client secret, in the form body or in Basic (RFC
 * 6749 §2.3.1): a wrong secret or an unknown client is RFC 6749 §5.2 {@code invalid_client} JSON,
 * and during a regenerate overlap both the old and the new secret authenticate.
 */
@PorticoTest
class ClientSecretAuthenticationTests {

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;
  @Autowired ApplicationCredentials credentials;

  private OAuthTestClient oauth;

  @BeforeEach
  void client() {
    oauth = new OAuthTestClient(port);
  }

  @Test
  void aWrongSecretOrAnUnknownClientIsInvalidClientJson() throws Exception {
    IssuedApplication app =
        issue(management, fixtures.company("Secrets"), ApplicationType.INTEGRATED_CLOUD);
    String clientId = app.application().clientId();
    String refresh = "grant_type=refresh_token&refresh_token=whatever";

    HttpResponse<String> wrongInBody =
        oauth.token(refresh + "&client_id=" + enc(clientId) + "&client_secret=wrong", null);
    HttpResponse<String> wrongInBasic = oauth.token(refresh, basic(clientId, "wrong"));
    HttpResponse<String> unknown =
        oauth.token(refresh, basic("no-such-client-" + UUID.randomUUID(), app.clientSecret()));
    HttpResponse<String> noSecret = oauth.token(refresh + "&client_id=" + enc(clientId), null);

    for (HttpResponse<String> refused : new HttpResponse[] {wrongInBody, wrongInBasic, unknown}) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      assertThat(JsonMapper.shared().readTree(refused.body()).get("error").asString())
          .isEqualTo("invalid_client");
    }
    assertThat(noSecret.statusCode()).isEqualTo(401);
    assertThat(noSecret.body()).contains("\"invalid_client\"");
    // The right secret passes client authentication (and fails only on the unknown token).
    HttpResponse<String> right = oauth.token(refresh, basic(clientId, app.clientSecret()));
    assertThat(right.statusCode()).isEqualTo(400);
    assertThat(right.body()).contains("\"invalid_grant\"");
  }

  @Test
  void duringARegenerateOverlapBothSecretsAuthenticateAndAfterItOnlyTheNewOne() throws Exception {
    Company acme = fixtures.company("Overlap");
    IssuedApplication first = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    String clientId = first.application().clientId();
    IssuedApplication second =
        credentials.regenerateSecret(
            AuthServerFixtures.actor(acme.admin()), first.application(), SecretOverlap.ONE_HOUR);
    String refresh = "grant_type=refresh_token&refresh_token=whatever";

    // Client authentication passes (the unknown refresh token is what fails) with either secret.
    assertThat(oauth.token(refresh, basic(clientId, first.clientSecret())).body())
        .contains("\"invalid_grant\"");
    assertThat(oauth.token(refresh, basic(clientId, second.clientSecret())).body())
        .contains("\"invalid_grant\"");

    credentials.revokePreviousSecret(AuthServerFixtures.actor(acme.admin()), second.application());
    HttpResponse<String> old = oauth.token(refresh, basic(clientId, first.clientSecret()));
    assertThat(old.statusCode()).isEqualTo(401);
    assertThat(old.body()).contains("\"invalid_client\"");
    assertThat(oauth.token(refresh, basic(clientId, second.clientSecret())).body())
        .contains("\"invalid_grant\"");
  }
}
