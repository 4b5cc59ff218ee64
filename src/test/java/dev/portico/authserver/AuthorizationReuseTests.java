package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.authorization;
import static dev.portico.authserver.AuthServerFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.authserver.AuthServerFixtures.Values;
import dev.portico.authserver.internal.TokenHashes;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The store's side of OAU-3 reuse detection: a rotated refresh token is remembered by its hash, and
 * looked up again as a refresh token revokes its authorization; a redeemed code looked up again as
 * a code does the same; a save from a stale read (a race lost, or an authorization revoked
 * meanwhile) is refused and stores nothing; rotated hashes are purged when they expire and go with
 * their authorization.
 */
@PorticoTest
class AuthorizationReuseTests {

  @Autowired HashedAuthorizationService service;
  @Autowired ApplicationClients clients;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;
  @Autowired Grants grants;
  @Autowired JdbcClient jdbc;

  private RegisteredClient client() {
    Application app =
        register(management, fixtures.company("Reuse"), ApplicationType.INTEGRATED_CLOUD);
    RegisteredClient client = clients.findByClientId(app.clientId());
    assertThat(client).isNotNull();
    return client;
  }

  /** The authorization found by this refresh token, rotated to new tokens; answers the new ones. */
  private Values rotate(String refresh) {
    OAuth2Authorization found = service.findByToken(refresh, OAuth2TokenType.REFRESH_TOKEN);
    assertThat(found).isNotNull();
    Values next = Values.fresh();
    service.save(rotated(found, next));
    return next;
  }

  private static OAuth2Authorization rotated(OAuth2Authorization found, Values next) {
    Instant now = Instant.now();
    return OAuth2Authorization.from(found)
        .accessToken(
            new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                next.access(),
                now,
                now.plus(Duration.ofHours(1)),
                found.getAuthorizedScopes()))
        .refreshToken(new OAuth2RefreshToken(next.refresh(), now, now.plus(Duration.ofDays(30))))
        .build();
  }

  @Test
  void aRotatedRefreshTokenIsRememberedByItsHashOnly() {
    Values v = Values.fresh();
    OAuth2Authorization saved = authorization(client(), "reuse-1", v, Instant.now());
    service.save(saved);

    Values next = rotate(v.refresh());

    OffsetDateTime expires =
        jdbc.sql(
                "select expires_at from as_rotated_refresh where hash = ? and authorization_id = ?")
            .params(TokenHashes.sha256Hex(v.refresh()), saved.getId())
            .query(OffsetDateTime.class)
            .single();
    assertThat(expires.toInstant())
        .isBeforeOrEqualTo(saved.getRefreshToken().getToken().getExpiresAt())
        .isBeforeOrEqualTo(
            Instant.now().plus(HashedAuthorizationService.ROTATED_REFRESH_RETENTION));
    assertThat(TokensAtRestTests.columnsHolding(jdbc, v.refresh())).isEmpty();
    assertThat(service.findByToken(next.refresh(), OAuth2TokenType.REFRESH_TOKEN)).isNotNull();
  }

  @Test
  void aRotatedRefreshTokenLookedUpAsARefreshTokenRevokesItsAuthorization() {
    Values v = Values.fresh();
    OAuth2Authorization saved = authorization(client(), "reuse-2", v, Instant.now());
    service.save(saved);
    Values next = rotate(v.refresh());
    // Introspection and revocation look tokens up with no type: that is no reuse.
    assertThat(service.findByToken(v.refresh(), null)).isNull();
    assertThat(service.findById(saved.getId())).isNotNull();

    assertThat(service.findByToken(v.refresh(), OAuth2TokenType.REFRESH_TOKEN)).isNull();

    assertThat(service.findById(saved.getId())).isNull();
    assertThat(service.findByToken(next.refresh(), OAuth2TokenType.REFRESH_TOKEN)).isNull();
    assertThat(service.findByToken(next.access(), OAuth2TokenType.ACCESS_TOKEN)).isNull();
    assertThat(rotatedOf(saved.getId())).isZero();
  }

  @Test
  void aRedeemedCodeLookedUpAgainAsACodeRevokesItsAuthorization() {
    Values v = Values.fresh();
    OAuth2Authorization saved = authorization(client(), "reuse-3", v, Instant.now());
    service.save(saved);
    OAuth2Authorization byCode = service.findByToken(v.code(), HashedAuthorizationService.CODE);
    assertThat(byCode).isNotNull();
    service.save(
        OAuth2Authorization.from(byCode)
            .invalidate(byCode.getToken(OAuth2AuthorizationCode.class).getToken())
            .build());
    assertThat(service.findByToken(v.access(), OAuth2TokenType.ACCESS_TOKEN)).isNotNull();

    assertThat(service.findByToken(v.code(), HashedAuthorizationService.CODE)).isNull();

    assertThat(service.findById(saved.getId())).isNull();
    assertThat(service.findByToken(v.access(), OAuth2TokenType.ACCESS_TOKEN)).isNull();
  }

  @Test
  void ofTwoSavesFromOneReadOnlyTheFirstIsStored() {
    Values v = Values.fresh();
    service.save(authorization(client(), "reuse-4", v, Instant.now()));
    OAuth2Authorization first = service.findByToken(v.refresh(), OAuth2TokenType.REFRESH_TOKEN);
    OAuth2Authorization second = service.findByToken(v.refresh(), OAuth2TokenType.REFRESH_TOKEN);
    assertThat(first).isNotNull();
    assertThat(second).isNotNull();
    Values won = Values.fresh();
    Values lost = Values.fresh();

    service.save(rotated(first, won));

    assertThatThrownBy(() -> service.save(rotated(second, lost)))
        .isInstanceOfSatisfying(
            OAuth2AuthenticationException.class,
            e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_grant"));
    assertThat(service.findByToken(won.refresh(), OAuth2TokenType.REFRESH_TOKEN)).isNotNull();
    assertThat(service.findByToken(won.access(), OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
    assertThat(service.findByToken(lost.access(), OAuth2TokenType.ACCESS_TOKEN)).isNull();
    assertThat(TokensAtRestTests.columnsHolding(jdbc, TokenHashes.sha256Hex(lost.refresh())))
        .isEmpty();
  }

  @Test
  void aSaveAfterARevocationDoesNotBringTheAuthorizationBack() {
    Values v = Values.fresh();
    OAuth2Authorization saved = authorization(client(), "reuse-5", v, Instant.now());
    service.save(saved);
    OAuth2Authorization found = service.findByToken(v.refresh(), OAuth2TokenType.REFRESH_TOKEN);
    assertThat(found).isNotNull();

    assertThat(grants.revokeAuthorization(saved.getId())).isTrue();

    assertThatThrownBy(() -> service.save(rotated(found, Values.fresh())))
        .isInstanceOf(OAuth2AuthenticationException.class);
    assertThat(service.findById(saved.getId())).isNull();
  }

  @Test
  void rotatedHashesArePurgedWhenTheyExpireAndGoWithTheirAuthorization() {
    RegisteredClient client = client();
    Values kept = Values.fresh();
    Values expired = Values.fresh();
    Values removed = Values.fresh();
    OAuth2Authorization keptAuthorization = authorization(client, "reuse-6", kept, Instant.now());
    OAuth2Authorization expiredAuthorization =
        authorization(client, "reuse-6", expired, Instant.now());
    OAuth2Authorization removedAuthorization =
        authorization(client, "reuse-6", removed, Instant.now());
    for (OAuth2Authorization a :
        new OAuth2Authorization[] {keptAuthorization, expiredAuthorization, removedAuthorization}) {
      service.save(a);
    }
    rotate(kept.refresh());
    rotate(expired.refresh());
    rotate(removed.refresh());
    jdbc.sql("update as_rotated_refresh set expires_at = ? where hash = ?")
        .params(
            OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1),
            TokenHashes.sha256Hex(expired.refresh()))
        .update();

    service.purgeExpired();
    service.remove(service.findById(removedAuthorization.getId()));

    assertThat(rotatedOf(keptAuthorization.getId())).isOne();
    assertThat(rotatedOf(expiredAuthorization.getId())).isZero();
    assertThat(rotatedOf(removedAuthorization.getId())).isZero();
    // An expired rotated token is no longer recognised: refused, but its family lives on.
    assertThat(service.findByToken(expired.refresh(), OAuth2TokenType.REFRESH_TOKEN)).isNull();
    assertThat(service.findById(expiredAuthorization.getId())).isNotNull();
  }

  @Test
  void anUnknownRefreshTokenRevokesNothing() {
    Values v = Values.fresh();
    OAuth2Authorization saved = authorization(client(), "reuse-7", v, Instant.now());
    service.save(saved);

    assertThat(service.findByToken("refresh-" + UUID.randomUUID(), OAuth2TokenType.REFRESH_TOKEN))
        .isNull();
    assertThat(service.findByToken(v.access(), OAuth2TokenType.REFRESH_TOKEN)).isNull();

    assertThat(service.findById(saved.getId())).isNotNull();
  }

  private long rotatedOf(String authorizationId) {
    return jdbc.sql("select count(*) from as_rotated_refresh where authorization_id = ?")
        .param(authorizationId)
        .query(Long.class)
        .single();
  }
}
