package dev.portico.applications.internal;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAccess;
import dev.portico.applications.ApplicationAssignments;
import dev.portico.applications.ApplicationCard;
import dev.portico.applications.ApplicationDirectory;
import dev.portico.applications.ExternalAccess;
import dev.portico.applications.ExternalAccessGranted;
import dev.portico.applications.ExternalAccessRevoked;
import dev.portico.applications.ExternalApplication;
import dev.portico.system.Actor;
import dev.portico.system.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * External access (APP-6, OAU-5) on Spring Security's OAuth 2 client: who may grant an app (a user
 * it is assigned to, or one of its managers or editors — the owner of a personal app among them),
 * the grants a user holds, revocation, and the access token for a call, refreshed through {@link
 * ExternalTokenRefresh} when it has expired.
 */
@Service
@Transactional(readOnly = true)
public class ClientExternalAccess implements ExternalAccess {

  /** A token that expires within this is refreshed before use. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  static final int GRANTABLE_SHOWN = 50;
  private static final int GRANTABLE_READ = 200;

  private final ExternalTokens tokens;
  private final ExternalTokenService service;
  private final ExternalTokenRefresh refresh;
  private final ExternalOAuths externals;
  private final Applications applications;
  private final ApplicationDirectory directory;
  private final ApplicationAssignments assignments;
  private final ApplicationAccess access;
  private final UserManagement users;
  private final AccountManagement accounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ClientExternalAccess(
      ExternalTokens tokens,
      ExternalTokenService service,
      ExternalTokenRefresh refresh,
      ExternalOAuths externals,
      Applications applications,
      ApplicationDirectory directory,
      ApplicationAssignments assignments,
      ApplicationAccess access,
      UserManagement users,
      AccountManagement accounts,
      ApplicationEventPublisher events,
      Clock clock) {
    this.tokens = tokens;
    this.service = service;
    this.refresh = refresh;
    this.externals = externals;
    this.applications = applications;
    this.directory = directory;
    this.assignments = assignments;
    this.access = access;
    this.users = users;
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
  }

  /** Outside any caller's transaction: a refresh waits for its server, under its own lock. */
  @Override
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Optional<String> accessToken(UUID userId, UUID applicationId) {
    ExternalTokens.Row row = tokens.find(applicationId, userId).orElse(null);
    if (row == null) {
      return Optional.empty();
    }
    Instant expires = row.expiresAt();
    if (expires == null || expires.minus(CLOCK_SKEW).isAfter(clock.instant())) {
      OAuth2AuthorizedClient client =
          service.loadAuthorizedClient(applicationId.toString(), userId.toString());
      return Optional.ofNullable(client).map(c -> c.getAccessToken().getTokenValue());
    }
    return refresh.refreshed(userId, applicationId);
  }

  @Override
  public String grantPath(UUID applicationId) {
    return ExternalOAuthClientConfiguration.GRANT_BASE + applicationId + "/grant";
  }

  @Override
  public List<ExternalApplication> grants(UUID userId) {
    List<ExternalTokens.Row> rows = tokens.ofUser(userId);
    Map<UUID, ApplicationCard> cards =
        directory.cards(rows.stream().map(ExternalTokens.Row::applicationId).toList());
    Map<UUID, String> owners =
        ownerNames(
            cards.values().stream()
                .map(ApplicationCard::ownerAccountId)
                .collect(Collectors.toSet()));
    List<ExternalApplication> grants = new ArrayList<>();
    for (ExternalTokens.Row r : rows) {
      ApplicationCard card = cards.get(r.applicationId());
      if (card != null) {
        grants.add(
            new ExternalApplication(
                r.applicationId(),
                card.name(),
                owners.getOrDefault(card.ownerAccountId(), ""),
                List.copyOf(ExternalClientRegistrations.scopes(r.scopes())),
                r.grantedAt()));
      }
    }
    return grants;
  }

  @Override
  public List<ExternalApplication> grantable(User user) {
    Set<UUID> owners = new HashSet<>();
    owners.add(user.personalAccountId());
    if (user.companyId() != null) {
      owners.add(user.companyId());
    }
    List<ExternalOAuths.Configured> mayGrant = new ArrayList<>();
    for (ExternalOAuths.Configured c :
        externals.configuredWithoutGrant(owners, user.id(), GRANTABLE_READ)) {
      if (mayGrant.size() < GRANTABLE_SHOWN && mayGrant(user, c.applicationId())) {
        mayGrant.add(c);
      }
    }
    Map<UUID, String> names =
        ownerNames(
            mayGrant.stream()
                .map(ExternalOAuths.Configured::ownerAccountId)
                .collect(Collectors.toSet()));
    return mayGrant.stream()
        .map(
            c ->
                new ExternalApplication(
                    c.applicationId(),
                    c.name(),
                    names.getOrDefault(c.ownerAccountId(), ""),
                    List.copyOf(ExternalClientRegistrations.scopes(c.scopes())),
                    null))
        .toList();
  }

  @Override
  @Transactional
  public ExternalApplication revoke(Actor actor, User user, UUID applicationId) {
    ExternalApplication grant =
        grants(user.id()).stream()
            .filter(g -> g.id().equals(applicationId))
            .findFirst()
            .orElseThrow(() -> new NotFound("Grant"));
    if (!tokens.delete(applicationId, user.id())) {
      throw new NotFound("Grant");
    }
    events.publishEvent(
        new ExternalAccessRevoked(
            actor,
            user.homeAccountId(),
            user.id(),
            applicationId,
            grant.name(),
            Map.of("externalAccess", "revoked")));
    return grant;
  }

  /**
   * Whether the user may grant the app External access: an active user it is assigned to (SHR-3),
   * or one of its managers or editors.
   */
  public boolean mayGrant(User user, UUID applicationId) {
    if (!user.isActive()) {
      return false;
    }
    if (assignments.mayUse(user.id(), applicationId)) {
      return true;
    }
    Application app = applications.find(applicationId).orElse(null);
    return app != null && access.roleOf(user, app).isPresent();
  }

  /** {@link #mayGrant(User, UUID)} for the user of a console session, read fresh. */
  public boolean mayGrant(UUID userId, UUID applicationId) {
    return users.user(userId).map(u -> mayGrant(u, applicationId)).orElse(false);
  }

  /** Stores the tokens of a new grant and records {@link ExternalAccessGranted}. */
  @Transactional
  public void recordGrant(OAuth2AuthorizedClient client, User user, Actor actor) {
    UUID applicationId = UUID.fromString(client.getClientRegistration().getRegistrationId());
    service.saveGrant(client, user.id());
    String name = applications.find(applicationId).map(Application::name).orElse("");
    events.publishEvent(
        new ExternalAccessGranted(
            actor,
            user.homeAccountId(),
            user.id(),
            applicationId,
            name,
            Map.of("scopes", String.join(" ", client.getAccessToken().getScopes()))));
  }

  private Map<UUID, String> ownerNames(Set<UUID> ids) {
    return accounts.accounts(ids).stream().collect(Collectors.toMap(Account::id, Account::name));
  }

  static @Nullable UUID id(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
