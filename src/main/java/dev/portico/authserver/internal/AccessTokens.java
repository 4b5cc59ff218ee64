package dev.portico.authserver.internal;

import static dev.portico.system.Sql.nullableInstant;
import static dev.portico.system.Sql.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads of {@code as_authorization} the Bearer path needs, narrower than {@code
 * HashedAuthorizationService}'s: an access token by its hash (one indexed lookup, no attributes
 * decoded), and the applications a user holds grants of.
 */
@Repository
public class AccessTokens {

  private final JdbcClient jdbc;

  AccessTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The access token with this SHA-256 hex hash, if it is stored, not invalidated and not expired
   * at {@code now}.
   */
  public Optional<Stored> findUsable(String hash, Instant now) {
    return jdbc.sql(
            "select id, registered_client_id, principal_name, access_scopes, access_expires_at"
                + " from as_authorization where access_hash = :h and access_invalidated = false"
                + " and access_expires_at > :now")
        .param("h", hash)
        .param("now", ts(now))
        .query(
            (rs, n) ->
                new Stored(
                    rs.getString("id"),
                    rs.getString("registered_client_id"),
                    rs.getString("principal_name"),
                    rs.getString("access_scopes"),
                    nullableInstant(rs, "access_expires_at")))
        .optional()
        .filter(s -> s.expiresAt() != null);
  }

  /** The registered client ids (application ids) of the user's authorizations. */
  public List<String> clientsOf(UUID userId) {
    return jdbc.sql(
            "select distinct registered_client_id from as_authorization"
                + " where principal_name = :user")
        .param("user", userId.toString())
        .query(String.class)
        .list();
  }

  /**
   * One access token's row.
   *
   * @param scopes the token's scopes, space-separated (may be null or empty)
   */
  public record Stored(
      String authorizationId,
      String registeredClientId,
      String principalName,
      @org.jspecify.annotations.Nullable String scopes,
      @org.jspecify.annotations.Nullable Instant expiresAt) {}
}
