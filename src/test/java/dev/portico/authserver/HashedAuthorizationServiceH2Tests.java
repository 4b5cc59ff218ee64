package dev.portico.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import dev.portico.authserver.AuthServerFixtures.Values;
import dev.portico.system.ChangeFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The authorization store works on H2 (the quick start's database, in the shipped PostgreSQL mode)
 * as on PostgreSQL: save, find by hash, update through placeholders, purge, conditional saves,
 * refresh-token rotation and reuse revocation.
 */
class HashedAuthorizationServiceH2Tests {

  @Test
  void savesFindsUpdatesAndPurgesOnH2() {
    DriverManagerDataSource h2 =
        new DriverManagerDataSource(
            "jdbc:h2:mem:as-"
                + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1",
            "sa",
            "");
    Flyway.configure()
        .dataSource(h2)
        .locations("classpath:db/migration", "classpath:db/vendor/h2")
        .load()
        .migrate();
    RegisteredClient client =
        RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId("H2CLIENT=")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri(AuthServerFixtures.REDIRECTS.get(0))
            .build();
    HashedAuthorizationService service =
        new HashedAuthorizationService(
            JdbcClient.create(h2),
            new InMemoryRegisteredClientRepository(client),
            new Grants(JdbcClient.create(h2), event -> {}),
            mock(ChangeFeed.class),
            new AuthServerSettings(
                Duration.ofSeconds(60),
                Duration.ofDays(3650),
                Duration.ofMinutes(10),
                Duration.ofMinutes(10)),
            Clock.systemUTC());
    Values v = Values.fresh();
    Values old = Values.fresh();
    OAuth2Authorization saved = AuthServerFixtures.authorization(client, "u", v, Instant.now());
    OAuth2Authorization expired =
        AuthServerFixtures.authorization(
            client, "u", old, Instant.now().minus(Duration.ofDays(40)));
    service.save(saved);
    service.save(expired);

    OAuth2Authorization byCode = service.findByToken(v.code(), null);
    assertThat(byCode).isNotNull();
    service.save(
        OAuth2Authorization.from(byCode).invalidate(byCode.getAccessToken().getToken()).build());
    OAuth2Authorization byAccess = service.findByToken(v.access(), OAuth2TokenType.ACCESS_TOKEN);
    assertThat(byAccess).isNotNull();
    assertThat(byAccess.getAccessToken().isInvalidated()).isTrue();
    assertThat(byAccess.getAccessToken().getToken().getExpiresAt())
        .isEqualTo(saved.getAccessToken().getToken().getExpiresAt());
    assertThat(service.findByToken(v.refresh(), OAuth2TokenType.REFRESH_TOKEN)).isNotNull();

    assertThat(service.purgeExpired()).isEqualTo(1);
    assertThat(service.findById(expired.getId())).isNull();
    assertThat(service.findById(saved.getId())).isNotNull();

    // Rotation remembers the old refresh token's hash; presented again it revokes (cascade).
    OAuth2Authorization byRefresh = service.findByToken(v.refresh(), OAuth2TokenType.REFRESH_TOKEN);
    assertThat(byRefresh).isNotNull();
    Instant now = Instant.now();
    String next = "refresh-" + UUID.randomUUID();
    service.save(
        OAuth2Authorization.from(byRefresh)
            .refreshToken(new OAuth2RefreshToken(next, now, now.plus(Duration.ofDays(1))))
            .build());
    assertThatThrownBy(() -> service.save(byRefresh))
        .as("a save from a stale read")
        .isInstanceOf(OAuth2AuthenticationException.class);
    JdbcClient jdbc = JdbcClient.create(h2);
    assertThat(jdbc.sql("select count(*) from as_rotated_refresh").query(Long.class).single())
        .isOne();
    assertThat(service.findByToken(v.refresh(), OAuth2TokenType.REFRESH_TOKEN)).isNull();
    assertThat(service.findById(saved.getId())).isNull();
    assertThat(service.findByToken(next, OAuth2TokenType.REFRESH_TOKEN)).isNull();
    assertThat(jdbc.sql("select count(*) from as_rotated_refresh").query(Long.class).single())
        .isZero();
  }
}
