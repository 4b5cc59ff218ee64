package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.actor;
import static dev.portico.authserver.AuthServerFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationOAuthSettings;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.PlatformOAuth;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;

/** The authorization server's clients are the applications module's apps, never a copy. */
@PorticoTest
class ApplicationClientsTests {

  @Autowired ApplicationClients clients;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationOAuthSettings oauthSettings;
  @Autowired TestAccounts fixtures;

  @Test
  void aRegisteredAppIsAClientWithItsRedirectsScopesGrantsAndLifetimesButNoSecret() {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme, ApplicationType.INTEGRATED_CLOUD);

    RegisteredClient client = clients.findByClientId(app.clientId());

    assertThat(client).isNotNull();
    assertThat(client.getId()).isEqualTo(app.id().toString());
    assertThat(client.getClientId()).isEqualTo(app.clientId());
    assertThat(client.getClientName()).isEqualTo("Acme PLM");
    assertThat(client.getClientSecret()).isNull();
    assertThat(client.getRedirectUris())
        .containsExactlyInAnyOrderElementsOf(AuthServerFixtures.REDIRECTS);
    assertThat(client.getScopes()).containsExactlyInAnyOrder("OAuth2Read", "OAuth2Write");
    assertThat(client.getAuthorizationGrantTypes())
        .containsExactlyInAnyOrder(
            AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN);
    assertThat(client.getClientAuthenticationMethods())
        .containsExactlyInAnyOrder(
            ClientAuthenticationMethod.CLIENT_SECRET_POST,
            ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    assertThat(client.getClientSettings().isRequireProofKey()).isFalse();
    assertThat(client.getClientSettings().isRequireAuthorizationConsent()).isTrue();
    assertThat(client.getTokenSettings().getAuthorizationCodeTimeToLive())
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(client.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(Duration.ofHours(1));
    assertThat(client.getTokenSettings().getRefreshTokenTimeToLive())
        .as("no refresh lifetime chosen: the long maximum")
        .isEqualTo(Duration.ofDays(3650));
    assertThat(client.getTokenSettings().isReuseRefreshTokens()).isFalse();
    assertThat(client.getTokenSettings().getAccessTokenFormat())
        .isEqualTo(OAuth2TokenFormat.REFERENCE);
    assertThat(clients.findById(app.id().toString())).isEqualTo(client);
  }

  @Test
  void aDesktopAppMustUsePkce() {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme, ApplicationType.CONNECTED_DESKTOP);

    RegisteredClient client = clients.findByClientId(app.clientId());

    assertThat(client).isNotNull();
    assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
    assertThat(client.getRedirectUris())
        .containsExactlyInAnyOrder("http://localhost:8765/cb", "urn:ietf:wg:oauth:2.0:oob");
  }

  @Test
  void thePlatformOAuthLifetimesOfTheAppApplyAtOnce() {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme, ApplicationType.CONNECTED_CLOUD);
    assertThat(clients.findByClientId(app.clientId())).isNotNull();

    oauthSettings.updatePlatformOAuth(
        actor(acme.admin()),
        app,
        new PlatformOAuth(Duration.ofMinutes(30), Duration.ofDays(7), false));

    RegisteredClient client = clients.findByClientId(app.clientId());
    assertThat(client).isNotNull();
    assertThat(client.getTokenSettings().getAccessTokenTimeToLive())
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(client.getTokenSettings().getRefreshTokenTimeToLive()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void anUnknownClientIsNoClient() {
    assertThat(clients.findByClientId("UNKNOWNCLIENTID=")).isNull();
    assertThat(clients.findByClientId("")).isNull();
    assertThat(clients.findById(UUID.randomUUID().toString())).isNull();
    assertThat(clients.findById("not-a-uuid")).isNull();
  }

  @Test
  void aDeletedAppIsNoLongerAClient() {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme, ApplicationType.INTEGRATED_CLOUD);
    assertThat(clients.findByClientId(app.clientId())).isNotNull();
    assertThat(clients.findById(app.id().toString())).isNotNull();

    management.delete(actor(acme.admin()), app);

    assertThat(clients.findByClientId(app.clientId())).isNull();
    assertThat(clients.findById(app.id().toString())).isNull();
  }

  @Test
  void clientsAreNotSavedHere() {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme, ApplicationType.INTEGRATED_CLOUD);
    RegisteredClient client = clients.findByClientId(app.clientId());

    assertThatThrownBy(() -> clients.save(client))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
