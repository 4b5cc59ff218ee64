package dev.portico.authserver;

import dev.portico.accounts.UserRemoved;
import dev.portico.applications.ApplicationAssignmentRemoved;
import dev.portico.applications.ApplicationDeleted;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.OwnershipTransferred;
import dev.portico.authserver.internal.AccessTokens;
import dev.portico.system.ChangeFeed;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends the grants a change of the other modules takes away, through {@link Grants}, and announces
 * every revocation to the {@link ChangeFeed} so that each node's {@link AccessTokenDirectory} drops
 * the tokens:
 *
 * <ul>
 *   <li>an application no longer shared with a user (SHR-3): their grant of it;
 *   <li>an application deleted (APP-5): every grant of it;
 *   <li>a user removed from a company: their grants of that company's applications (once out of the
 *       company, {@link GrantPolicy} would let them keep using them);
 *   <li>an application transferred (OWN-4): no grant ends, but its cached tokens are dropped (topic
 *       {@value AccessTokenDirectory#GRANT_TOPIC}, the app id), so that its next calls are charged
 *       to the new owner;
 *   <li>{@link GrantsRevoked}: topic {@value AccessTokenDirectory#GRANT_TOPIC}, with the revoked
 *       authorizations' ids, or the application's id when all its grants ended.
 * </ul>
 *
 * <p>Synchronous on purpose ({@code @EventListener}, not after commit): the revocation and the feed
 * rows are part of the transaction of the change, so a change can never commit with a token still
 * working, and the node of the change drops the tokens right after the commit.
 */
@Component
class GrantRevocations {

  private final Grants grants;
  private final AccessTokens tokens;
  private final ApplicationManagement applications;
  private final ChangeFeed feed;

  GrantRevocations(
      Grants grants, AccessTokens tokens, ApplicationManagement applications, ChangeFeed feed) {
    this.grants = grants;
    this.tokens = tokens;
    this.applications = applications;
    this.feed = feed;
  }

  @EventListener
  void on(ApplicationAssignmentRemoved event) {
    for (UUID userId : event.lostAccessUserIds()) {
      grants.revoke(userId, event.applicationId());
    }
  }

  @EventListener
  void on(ApplicationDeleted event) {
    grants.revokeApplication(event.applicationId());
  }

  @EventListener
  void on(OwnershipTransferred event) {
    feed.record(AccessTokenDirectory.GRANT_TOPIC, event.applicationId().toString());
  }

  @EventListener
  void on(UserRemoved event) {
    List<String> clients = tokens.clientsOf(event.userId());
    for (String client : clients) {
      UUID applicationId = applicationId(client);
      if (applicationId == null) {
        continue;
      }
      applications
          .application(applicationId)
          .filter(app -> app.ownerAccountId().equals(event.accountId()))
          .ifPresent(app -> grants.revoke(event.userId(), app.id()));
    }
  }

  @EventListener
  void on(GrantsRevoked event) {
    if (event.userId() == null) {
      feed.record(AccessTokenDirectory.GRANT_TOPIC, event.applicationId().toString());
    } else {
      feed.record(AccessTokenDirectory.GRANT_TOPIC, event.authorizationIds());
    }
  }

  private static @org.jspecify.annotations.Nullable UUID applicationId(String client) {
    try {
      return UUID.fromString(client);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
