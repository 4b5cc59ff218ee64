package dev.portico.authserver;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends grants: the one way authorizations are revoked, whatever the reason (OAU-5 Revoke, refresh
 * reuse, an assignment removed, an app deleted). Each call deletes the authorizations' rows (so
 * every code, access and refresh token they held is gone on every node's next database read) and
 * publishes {@link GrantsRevoked} in the same transaction, which the Bearer cache and the consent
 * store act on.
 *
 * <p>A grant is what one user gave one application: every authorization of that principal and
 * registered client (each authorize round makes one; each is one token family).
 */
@Service
public class Grants {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  Grants(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Ends the user's whole grant to the application; returns how many authorizations it held. */
  @Transactional
  public int revoke(UUID userId, UUID applicationId) {
    List<String> ids =
        jdbc.sql(
                "select id from as_authorization"
                    + " where registered_client_id = :client and principal_name = :user")
            .param("client", applicationId.toString())
            .param("user", userId.toString())
            .query(String.class)
            .list();
    jdbc.sql(
            "delete from as_authorization"
                + " where registered_client_id = :client and principal_name = :user")
        .param("client", applicationId.toString())
        .param("user", userId.toString())
        .update();
    events.publishEvent(new GrantsRevoked(applicationId, userId, new HashSet<>(ids), true));
    return ids.size();
  }

  /**
   * Ends one authorization (one token family): a rotated refresh token or a used code presented
   * again (OAU-3). Returns whether it existed.
   */
  @Transactional
  public boolean revokeAuthorization(String authorizationId) {
    record Owner(String client, String principal) {}
    List<Owner> owners =
        jdbc.sql("select registered_client_id, principal_name from as_authorization where id = :id")
            .param("id", authorizationId)
            .query((rs, n) -> new Owner(rs.getString(1), rs.getString(2)))
            .list();
    if (owners.isEmpty()) {
      return false;
    }
    jdbc.sql("delete from as_authorization where id = :id").param("id", authorizationId).update();
    Owner owner = owners.get(0);
    events.publishEvent(
        new GrantsRevoked(
            UUID.fromString(owner.client()),
            userId(owner.principal()),
            Set.of(authorizationId),
            false));
    return true;
  }

  /** Ends every grant of the application (it was deleted); returns how many authorizations. */
  @Transactional
  public int revokeApplication(UUID applicationId) {
    List<String> ids =
        jdbc.sql("select id from as_authorization where registered_client_id = :client")
            .param("client", applicationId.toString())
            .query(String.class)
            .list();
    jdbc.sql("delete from as_authorization where registered_client_id = :client")
        .param("client", applicationId.toString())
        .update();
    events.publishEvent(new GrantsRevoked(applicationId, null, new HashSet<>(ids), true));
    return ids.size();
  }

  private static @org.jspecify.annotations.Nullable UUID userId(String principal) {
    try {
      return UUID.fromString(principal);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
