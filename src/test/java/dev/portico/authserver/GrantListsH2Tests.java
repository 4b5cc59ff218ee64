package dev.portico.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.Scope;
import dev.portico.applications.ApplicationAssignments;
import dev.portico.applications.ApplicationDirectory;
import dev.portico.authserver.AuthServerFixtures.Values;
import dev.portico.system.ChangeFeed;
import dev.portico.system.ResultPage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The grants query of My account → Applications on H2 (the quick start's database, as shipped):
 * only live authorizations count (not an expired one, not a consent still pending, not another
 * user's); a grant's scopes are the union of its authorizations', its date the earliest issue. The
 * PostgreSQL side is {@link MyApplicationsTests}, through the console.
 */
class GrantListsH2Tests {

  private static final ResultPage.Request FIRST = new ResultPage.Request(0, 25);

  @Test
  void onlyTheUsersLiveAuthorizationsMakeAGrantWithTheUnionOfTheirScopes() {
    DriverManagerDataSource h2 =
        new DriverManagerDataSource(
            "jdbc:h2:mem:grants-"
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
    RegisteredClient app = client();
    RegisteredClient pendingApp = client();
    HashedAuthorizationService store =
        new HashedAuthorizationService(
            JdbcClient.create(h2),
            new InMemoryRegisteredClientRepository(app, pendingApp),
            new Grants(JdbcClient.create(h2), event -> {}),
            mock(ChangeFeed.class),
            new AuthServerSettings(
                Duration.ofSeconds(60),
                Duration.ofDays(3650),
                Duration.ofMinutes(10),
                Duration.ofMinutes(10)),
            Clock.systemUTC());
    String user = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    Instant first = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
    Instant later = first.plus(Duration.ofMinutes(2));
    store.save(withScopes(app, user, first, "OAuth2Read"));
    store.save(withScopes(app, user, later, "OAuth2Read OAuth2Write"));
    store.save(withScopes(app, user, Instant.now().minus(Duration.ofDays(40)), "OAuth2Delete"));
    store.save(withScopes(app, other, later, "OAuth2Share"));
    store.save(
        OAuth2Authorization.withRegisteredClient(pendingApp)
            .id(UUID.randomUUID().toString())
            .principalName(user)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .attribute(OAuth2ParameterNames.STATE, "pending-" + UUID.randomUUID())
            .build());
    GrantLists lists =
        new GrantLists(
            JdbcClient.create(h2),
            mock(ApplicationDirectory.class),
            mock(ApplicationAssignments.class),
            mock(AccountManagement.class),
            Clock.systemUTC());

    ResultPage<UserGrant> grants = lists.granted(UUID.fromString(user), FIRST);

    assertThat(grants.total()).isEqualTo(1);
    UserGrant grant = grants.items().get(0);
    assertThat(grant.application().id().toString()).isEqualTo(app.getId());
    assertThat(grant.application().name()).isEqualTo("Deleted application");
    assertThat(grant.scopes()).containsExactly(Scope.OAuth2Read, Scope.OAuth2Write);
    assertThat(grant.authorizations()).isEqualTo(2);
    assertThat(grant.grantedAt()).isEqualTo(first);
    assertThat(grant.lastTokenAt()).isEqualTo(later);
    assertThat(lists.granted(UUID.fromString(user), UUID.fromString(pendingApp.getId()))).isEmpty();
    assertThat(lists.granted(UUID.fromString(other), UUID.fromString(app.getId())))
        .hasValueSatisfying(g -> assertThat(g.scopes()).containsExactly(Scope.OAuth2Share));
    assertThat(lists.grantedApplicationIds(UUID.fromString(user)))
        .containsExactly(UUID.fromString(app.getId()));
  }

  private static RegisteredClient client() {
    return RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId("client-" + UUID.randomUUID())
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri(AuthServerFixtures.REDIRECTS.get(0))
        .build();
  }

  private static OAuth2Authorization withScopes(
      RegisteredClient client, String principal, Instant issuedAt, String scopes) {
    return OAuth2Authorization.from(
            AuthServerFixtures.authorization(client, principal, Values.fresh(), issuedAt))
        .authorizedScopes(Set.of(scopes.split(" ")))
        .build();
  }
}
