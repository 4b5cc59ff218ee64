package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.actor;
import static dev.portico.authserver.AuthServerFixtures.authorization;
import static dev.portico.authserver.AuthServerFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.authserver.AuthServerFixtures.Values;
import dev.portico.authserver.internal.TokenHashes;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** Authorizations are found by the hash of what is presented, and round-trip without loss. */
@PorticoTest
class HashedAuthorizationServiceTests {

  @Autowired HashedAuthorizationService service;
  @Autowired ApplicationClients clients;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;
  @Autowired JdbcClient jdbc;

  private RegisteredClient client(Company company) {
    Application app = register(management, company, ApplicationType.INTEGRATED_CLOUD);
    RegisteredClient client = clients.findByClientId(app.clientId());
    assertThat(client).isNotNull();
    return client;
  }

  @Test
  void anAuthorizationIsFoundByEachOfItsTokensWithThePresentedValueBack() {
    RegisteredClient client = client(fixtures.company("Acme"));
    Values v = Values.fresh();
    OAuth2Authorization saved = authorization(client, "user-1", v, Instant.now());
    service.save(saved);

    OAuth2Authorization byCode = service.findByToken(v.code(), HashedAuthorizationService.CODE);
    OAuth2Authorization byAccess = service.findByToken(v.access(), OAuth2TokenType.ACCESS_TOKEN);
    OAuth2Authorization byRefresh = service.findByToken(v.refresh(), OAuth2TokenType.REFRESH_TOKEN);
    OAuth2Authorization byState = service.findByToken(v.state(), HashedAuthorizationService.STATE);

    assertThat(byCode).isNotNull();
    assertThat(byCode.getToken(OAuth2AuthorizationCode.class).getToken().getTokenValue())
        .isEqualTo(v.code());
    assertThat(byCode.getAccessToken().getToken().getTokenValue())
        .startsWith(TokenHashes.PLACEHOLDER_PREFIX)
        .doesNotContain(v.access());
    assertThat(byAccess).isNotNull();
    assertThat(byAccess.getAccessToken().getToken().getTokenValue()).isEqualTo(v.access());
    assertThat(byRefresh).isNotNull();
    assertThat(byRefresh.getRefreshToken().getToken().getTokenValue()).isEqualTo(v.refresh());
    assertThat(byState).isNotNull();
    assertThat(byState.<String>getAttribute(OAuth2ParameterNames.STATE)).isEqualTo(v.state());
    for (String value : new String[] {v.code(), v.access(), v.refresh(), v.state()}) {
      OAuth2Authorization any = service.findByToken(value, null);
      assertThat(any).as(value).isNotNull();
      assertThat(any.getId()).isEqualTo(saved.getId());
    }
    assertThat(byAccess.getId()).isEqualTo(saved.getId());
    assertThat(byAccess.getRegisteredClientId()).isEqualTo(client.getId());
    assertThat(byAccess.getPrincipalName()).isEqualTo("user-1");
    assertThat(byAccess.getAuthorizedScopes()).containsExactly("OAuth2Read");
    assertThat(byAccess.getAuthorizationGrantType()).isEqualTo(saved.getAuthorizationGrantType());
  }

  @Test
  void theFlowsAttributesAndTokenTimesComeBack() {
    RegisteredClient client = client(fixtures.company("Acme"));
    Values v = Values.fresh();
    OAuth2Authorization saved = authorization(client, "user-2", v, Instant.now());
    service.save(saved);

    OAuth2Authorization found = service.findById(saved.getId());

    assertThat(found).isNotNull();
    OAuth2AuthorizationRequest request =
        found.getAttribute(OAuth2AuthorizationRequest.class.getName());
    assertThat(request).isNotNull();
    assertThat(request.getClientId()).isEqualTo(client.getClientId());
    assertThat(request.getRedirectUri()).isEqualTo(AuthServerFixtures.REDIRECTS.get(0));
    assertThat(request.getState()).isEqualTo(v.clientState());
    assertThat(request.getScopes()).containsExactly("OAuth2Read");
    assertThat(request.getAdditionalParameters())
        .containsEntry("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        .containsEntry("code_challenge_method", "S256");
    Authentication principal = found.getAttribute(Principal.class.getName());
    assertThat(principal).isNotNull();
    assertThat(principal.getName()).isEqualTo("user-2");
    assertThat(principal.isAuthenticated()).isTrue();
    OAuth2AccessToken access = found.getAccessToken().getToken();
    OAuth2AccessToken original = saved.getAccessToken().getToken();
    assertThat(access.getIssuedAt()).isEqualTo(original.getIssuedAt());
    assertThat(access.getExpiresAt()).isEqualTo(original.getExpiresAt());
    assertThat(access.getScopes()).containsExactly("OAuth2Read");
    assertThat(found.getAccessToken().getClaims())
        .containsEntry("sub", "user-2")
        .containsEntry("exp", original.getExpiresAt());
    assertThat(found.getRefreshToken().getToken().getExpiresAt())
        .isEqualTo(saved.getRefreshToken().getToken().getExpiresAt());
    assertThat(found.getToken(OAuth2AuthorizationCode.class).getToken().getExpiresAt())
        .isEqualTo(saved.getToken(OAuth2AuthorizationCode.class).getToken().getExpiresAt());
    assertThat(found.getToken(OAuth2AuthorizationCode.class).isInvalidated()).isFalse();
  }

  @Test
  void aValueIsFoundOnlyAsItsOwnTypeAndAPlaceholderIsNoToken() {
    RegisteredClient client = client(fixtures.company("Acme"));
    Values v = Values.fresh();
    OAuth2Authorization saved = authorization(client, "user-3", v, Instant.now());
    service.save(saved);

    assertThat(service.findByToken(v.code(), OAuth2TokenType.ACCESS_TOKEN)).isNull();
    assertThat(service.findByToken(v.access(), OAuth2TokenType.REFRESH_TOKEN)).isNull();
    assertThat(service.findByToken(v.refresh(), HashedAuthorizationService.CODE)).isNull();
    assertThat(service.findByToken(v.access(), new OAuth2TokenType("device_code"))).isNull();
    assertThat(service.findByToken("unknown-" + UUID.randomUUID(), null)).isNull();
    String placeholder = TokenHashes.placeholder(TokenHashes.sha256Hex(v.access()));
    assertThat(service.findByToken(placeholder, OAuth2TokenType.ACCESS_TOKEN)).isNull();
    assertThat(service.findByToken(placeholder, null)).isNull();
  }

  @Test
  void updatingKeepsTheHashesOfTokensItCouldNotReadBack() {
    RegisteredClient client = client(fixtures.company("Acme"));
    Values v = Values.fresh();
    service.save(authorization(client, "user-4", v, Instant.now()));
    OAuth2Authorization byCode = service.findByToken(v.code(), HashedAuthorizationService.CODE);
    assertThat(byCode).isNotNull();

    // Code reuse (OAU-3): the code and what it issued are invalidated, through placeholders.
    service.save(
        OAuth2Authorization.from(byCode)
            .invalidate(byCode.getToken(OAuth2AuthorizationCode.class).getToken())
            .invalidate(byCode.getAccessToken().getToken())
            .invalidate(byCode.getRefreshToken().getToken())
            .build());

    OAuth2Authorization byAccess = service.findByToken(v.access(), OAuth2TokenType.ACCESS_TOKEN);
    assertThat(byAccess).isNotNull();
    assertThat(byAccess.getAccessToken().isInvalidated()).isTrue();
    assertThat(byAccess.getToken(OAuth2AuthorizationCode.class).isInvalidated()).isTrue();
    OAuth2Authorization byRefresh = service.findByToken(v.refresh(), OAuth2TokenType.REFRESH_TOKEN);
    assertThat(byRefresh).isNotNull();
    assertThat(byRefresh.getRefreshToken().isInvalidated()).isTrue();
    assertThat(service.findByToken(v.state(), HashedAuthorizationService.STATE)).isNotNull();
  }

  @Test
  void aRotatedRefreshTokenReplacesTheOldOne() {
    RegisteredClient client = client(fixtures.company("Acme"));
    Values v = Values.fresh();
    service.save(authorization(client, "user-5", v, Instant.now()));
    OAuth2Authorization found = service.findByToken(v.refresh(), OAuth2TokenType.REFRESH_TOKEN);
    assertThat(found).isNotNull();
    Instant now = Instant.now();
    String newAccess = "access-" + UUID.randomUUID();
    String newRefresh = "refresh-" + UUID.randomUUID();

    service.save(
        OAuth2Authorization.from(found)
            .accessToken(
                new OAuth2AccessToken(
                    OAuth2AccessToken.TokenType.BEARER,
                    newAccess,
                    now,
                    now.plus(Duration.ofHours(1)),
                    found.getAuthorizedScopes()))
            .refreshToken(new OAuth2RefreshToken(newRefresh, now, now.plus(Duration.ofDays(30))))
            .build());

    // Looked up with no type (as a refresh token it would be reuse: AuthorizationReuseTests).
    assertThat(service.findByToken(v.refresh(), null)).isNull();
    assertThat(service.findByToken(v.access(), OAuth2TokenType.ACCESS_TOKEN)).isNull();
    assertThat(service.findByToken(newRefresh, OAuth2TokenType.REFRESH_TOKEN)).isNotNull();
    assertThat(service.findByToken(newAccess, OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
    assertThat(service.findByToken(v.code(), HashedAuthorizationService.CODE)).isNotNull();
  }

  @Test
  void aRemovedAuthorizationIsGone() {
    RegisteredClient client = client(fixtures.company("Acme"));
    Values v = Values.fresh();
    OAuth2Authorization saved = authorization(client, "user-6", v, Instant.now());
    service.save(saved);

    service.remove(saved);

    assertThat(service.findById(saved.getId())).isNull();
    assertThat(service.findByToken(v.access(), null)).isNull();
  }

  @Test
  void theAuthorizationsOfADeletedAppAreNotFound() {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme, ApplicationType.INTEGRATED_CLOUD);
    RegisteredClient client = clients.findByClientId(app.clientId());
    assertThat(client).isNotNull();
    Values v = Values.fresh();
    OAuth2Authorization saved = authorization(client, "user-7", v, Instant.now());
    service.save(saved);

    management.delete(actor(acme.admin()), app);

    assertThat(service.findById(saved.getId())).isNull();
    assertThat(service.findByToken(v.access(), OAuth2TokenType.ACCESS_TOKEN)).isNull();
  }

  @Test
  void thePurgeDeletesOnlyAuthorizationsWhoseEveryTokenExpired() {
    RegisteredClient client = client(fixtures.company("Acme"));
    Values expired = Values.fresh();
    Values live = Values.fresh();
    OAuth2Authorization old =
        authorization(client, "user-8", expired, Instant.now().minus(Duration.ofDays(31)));
    // Access token and code long expired, refresh token still valid (issued 29 days ago).
    OAuth2Authorization refreshable =
        authorization(client, "user-8", live, Instant.now().minus(Duration.ofDays(29)));
    service.save(old);
    service.save(refreshable);

    int purged = service.purgeExpired();

    assertThat(purged).isPositive();
    assertThat(service.findById(old.getId())).isNull();
    assertThat(service.findById(refreshable.getId())).isNotNull();
    assertThat(
            jdbc.sql("select count(*) from as_authorization where id = :id")
                .param("id", old.getId())
                .query(Long.class)
                .single())
        .isZero();
  }
}
