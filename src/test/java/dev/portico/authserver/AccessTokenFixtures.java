package dev.portico.authserver;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.License;
import dev.portico.accounts.Plan;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.accounts.UserState;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.PlatformOAuth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Users, accounts and applications as plain values, and a clock moved by hand: for the unit tests
 * of {@link AccessTokenDirectory}, which run without Spring or a database.
 */
final class AccessTokenFixtures {

  private AccessTokenFixtures() {}

  /** A full member of this company. */
  static User member(UUID companyId) {
    UUID id = UUID.randomUUID();
    return new User(
        id,
        id + "@acme.test",
        "Member",
        License.FULL,
        UserState.ACTIVE,
        false,
        UUID.randomUUID(),
        companyId,
        Role.MEMBER,
        Instant.now());
  }

  /** A user without a company; the operator if asked. */
  static User individual(boolean operator) {
    UUID id = UUID.randomUUID();
    return new User(
        id,
        id + "@example.test",
        "Solo",
        License.FULL,
        UserState.ACTIVE,
        operator,
        UUID.randomUUID(),
        null,
        null,
        Instant.now());
  }

  /** The same user in another state. */
  static User withState(User u, UserState state) {
    return new User(
        u.id(),
        u.email(),
        u.name(),
        u.license(),
        state,
        u.operator(),
        u.personalAccountId(),
        u.companyId(),
        u.role(),
        u.createdAt());
  }

  /** An integrated-cloud app of this owner with these scopes and a fresh client id. */
  static Application app(UUID owner, Set<Scope> scopes) {
    return new Application(
        UUID.randomUUID(),
        owner,
        "App",
        "com.example.app",
        "An app",
        List.of("https://app.example/cb"),
        ApplicationType.INTEGRATED_CLOUD,
        null,
        false,
        scopes,
        null,
        List.of(),
        "client-" + UUID.randomUUID(),
        Instant.now(),
        null,
        0,
        new PlatformOAuth(Duration.ofHours(1), null, false),
        Instant.now(),
        null,
        Instant.now());
  }

  /** The same app with other scopes. */
  static Application withScopes(Application a, Set<Scope> scopes) {
    return new Application(
        a.id(),
        a.ownerAccountId(),
        a.name(),
        a.primaryFormat(),
        a.summary(),
        a.redirectUrls(),
        a.type(),
        a.oauthUrl(),
        a.supportsCollaboration(),
        scopes,
        a.adminTeamId(),
        a.collaborators(),
        a.clientId(),
        a.secretCreatedAt(),
        a.previousSecret(),
        a.consentEpoch(),
        a.platformOAuth(),
        a.createdAt(),
        a.createdBy(),
        a.updatedAt());
  }

  /** The app as it is after a transfer to this owner (OWN-1). */
  static Application withOwner(Application a, UUID owner) {
    return new Application(
        a.id(),
        owner,
        a.name(),
        a.primaryFormat(),
        a.summary(),
        a.redirectUrls(),
        a.type(),
        a.oauthUrl(),
        a.supportsCollaboration(),
        a.scopes(),
        a.adminTeamId(),
        a.collaborators(),
        a.clientId(),
        a.secretCreatedAt(),
        a.previousSecret(),
        a.consentEpoch(),
        a.platformOAuth(),
        a.createdAt(),
        a.createdBy(),
        a.updatedAt());
  }

  /** An account of this type and name. */
  static Account account(AccountType type, String name) {
    return new Account(
        UUID.randomUUID(),
        type,
        name,
        Plan.PROFESSIONAL,
        null,
        LocalDate.of(2026, 1, 1),
        null,
        Instant.now());
  }

  /** A clock the test moves forward by hand. */
  static final class MutableClock extends Clock {

    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
