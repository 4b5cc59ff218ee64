package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.authorization;
import static dev.portico.authserver.AuthServerFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.authserver.AuthServerFixtures.Values;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Grants end in one place, and every token they held stops working with them. */
@PorticoTest
@RecordApplicationEvents
class GrantsTests {

  @Autowired Grants grants;
  @Autowired HashedAuthorizationService authorizations;
  @Autowired ApplicationClients clients;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;
  @Autowired ApplicationEvents events;

  private RegisteredClient client(Company company) {
    Application app = register(management, company, ApplicationType.INTEGRATED_CLOUD);
    RegisteredClient client = clients.findByClientId(app.clientId());
    assertThat(client).isNotNull();
    return client;
  }

  private Values grant(RegisteredClient client, UUID userId) {
    Values v = Values.fresh();
    authorizations.save(authorization(client, userId.toString(), v, Instant.now()));
    return v;
  }

  private boolean works(Values v) {
    return authorizations.findByToken(v.access(), OAuth2TokenType.ACCESS_TOKEN) != null
        || authorizations.findByToken(v.refresh(), OAuth2TokenType.REFRESH_TOKEN) != null;
  }

  @Test
  void revokingAUsersGrantEndsAllItsAuthorizationsAndNoOneElses() {
    Company acme = fixtures.company("Acme");
    RegisteredClient client = client(acme);
    RegisteredClient otherApp = client(acme);
    UUID user = acme.admin().id();
    UUID someoneElse = UUID.randomUUID();
    Values first = grant(client, user);
    Values second = grant(client, user);
    Values othersGrant = grant(client, someoneElse);
    Values otherAppsGrant = grant(otherApp, user);

    int revoked = grants.revoke(user, UUID.fromString(client.getId()));

    assertThat(revoked).isEqualTo(2);
    assertThat(works(first)).isFalse();
    assertThat(works(second)).isFalse();
    assertThat(works(othersGrant)).isTrue();
    assertThat(works(otherAppsGrant)).isTrue();
    assertThat(events.stream(GrantsRevoked.class))
        .anySatisfy(
            e -> {
              assertThat(e.applicationId()).hasToString(client.getId());
              assertThat(e.userId()).isEqualTo(user);
              assertThat(e.authorizationIds()).hasSize(2);
              assertThat(e.wholeGrant()).isTrue();
            });
  }

  @Test
  void revokingOneAuthorizationLeavesTheUsersOtherAuthorizations() {
    Company acme = fixtures.company("Acme");
    RegisteredClient client = client(acme);
    UUID user = acme.admin().id();
    Values reused = grant(client, user);
    Values kept = grant(client, user);
    OAuth2Authorization family =
        authorizations.findByToken(reused.refresh(), OAuth2TokenType.REFRESH_TOKEN);
    assertThat(family).isNotNull();

    assertThat(grants.revokeAuthorization(family.getId())).isTrue();

    assertThat(works(reused)).isFalse();
    assertThat(works(kept)).isTrue();
    assertThat(grants.revokeAuthorization(family.getId())).isFalse();
    assertThat(events.stream(GrantsRevoked.class))
        .anySatisfy(
            e -> {
              assertThat(e.authorizationIds()).containsExactly(family.getId());
              assertThat(e.userId()).isEqualTo(user);
              assertThat(e.wholeGrant()).isFalse();
            });
  }

  @Test
  void revokingAnApplicationEndsEveryUsersGrant() {
    Company acme = fixtures.company("Acme");
    RegisteredClient client = client(acme);
    Values one = grant(client, acme.admin().id());
    Values two = grant(client, UUID.randomUUID());

    assertThat(grants.revokeApplication(UUID.fromString(client.getId()))).isEqualTo(2);

    assertThat(works(one)).isFalse();
    assertThat(works(two)).isFalse();
    assertThat(events.stream(GrantsRevoked.class)).anySatisfy(e -> assertThat(e.userId()).isNull());
  }

  @Test
  void revokingAGrantThatDoesNotExistChangesNothing() {
    Company acme = fixtures.company("Acme");
    RegisteredClient client = client(acme);
    Values kept = grant(client, acme.admin().id());

    assertThat(grants.revoke(UUID.randomUUID(), UUID.fromString(client.getId()))).isZero();
    assertThat(grants.revoke(acme.admin().id(), UUID.randomUUID())).isZero();

    assertThat(works(kept)).isTrue();
  }
}
