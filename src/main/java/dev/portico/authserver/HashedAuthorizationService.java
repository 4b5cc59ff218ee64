package dev.portico.authserver;

import static dev.portico.system.Sql.ts;

import dev.portico.authserver.internal.AuthorizationAttributes;
import dev.portico.authserver.internal.AuthorizationRows;
import dev.portico.authserver.internal.TokenHashes;
import dev.portico.system.ChangeFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authorizations in the database ({@code as_authorization}), so that any node redeems any code and
 * refreshes any token (OAU-6). The authorization code, access token, refresh token and the
 * server-made consent {@code state} are stored <strong>only as SHA-256 hex hashes</strong>, with
 * their issue and expiry times and whether they were invalidated; lookups hash the presented value.
 * Besides that a row holds the principal's name, the registered client's id, the authorized scopes,
 * the grant type, the access token's scopes and claims (for introspection), and the attributes the
 * flow needs (see {@link AuthorizationAttributes}; rows are mapped by {@link AuthorizationRows}).
 *
 * <p><strong>Token values read back.</strong> A raw value is never stored, so it cannot be read
 * back. {@link #findByToken} puts the value that was presented back into the token it matched (the
 * authorization server only ever needs the presented value back: it compares, invalidates and
 * re-saves it; it returns to clients only the tokens it has just made). Every other token of the
 * authorization, and every token of one found by {@link #findById}, carries a placeholder: {@code
 * hashed:} and its stored hash. A placeholder is not usable (presented, it is hashed again and
 * matches nothing), and saving an authorization that holds one keeps the stored hash, so a round
 * trip loses nothing.
 *
 * <p><strong>Reuse (OAU-3, RFC 9700 §4.14, RFC 6749 §4.1.2).</strong> A refresh token replaced by a
 * save (rotated on every use) is remembered by its hash in {@code as_rotated_refresh} for {@link
 * #ROTATED_REFRESH_RETENTION} (at most its own lifetime). Looked up again as a refresh token (the
 * refresh grant), it revokes its authorization through {@link Grants#revokeAuthorization} (every
 * token of that family, the newest included; {@link GrantsRevoked} is published) and is not found,
 * so the grant answers {@code invalid_grant}. A code already redeemed, looked up again as a code,
 * does the same. Which client presents it does not matter: a rotated token or a used code in
 * anyone's hands is a leak.
 *
 * <p><strong>Races.</strong> A save of an authorization that was read from a row is conditional on
 * the row being unchanged since ({@code row_version}); otherwise (another request redeemed the same
 * code or rotated the same refresh token first, or the authorization was revoked meanwhile) it
 * throws {@link OAuth2AuthenticationException} {@code invalid_grant} and stores nothing: of two
 * requests racing with one code or one refresh token, at most one gets tokens.
 *
 * <p>Rows whose every token has expired (or that never got one and are older than {@link
 * AuthServerSettings#pendingAuthorizationLifetime()}), and expired rotated hashes, are purged every
 * {@link AuthServerSettings#purgeInterval()}; rotated hashes go with their authorization too.
 */
@Component
public class HashedAuthorizationService implements OAuth2AuthorizationService {

  static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);
  static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

  /**
   * How long a rotated refresh token is remembered for reuse detection (at most as long as it would
   * have lived): a client that comes back with a rotated token later than this gets {@code
   * invalid_grant} without the family being revoked. Bounds the table to the refreshes of a month.
   */
  static final Duration ROTATED_REFRESH_RETENTION = Duration.ofDays(30);

  private static final Logger log = LoggerFactory.getLogger(HashedAuthorizationService.class);

  private static final String SELECT = "select * from as_authorization where ";

  private static final String UPDATE =
      """
      update as_authorization set registered_client_id = :client,
        principal_name = :principal, grant_type = :grant, authorized_scopes = :scopes,
        attributes = :attributes, state_hash = :state,
        code_hash = :codeHash, code_issued_at = :codeIssued,
        code_expires_at = :codeExpires, code_invalidated = :codeInvalidated,
        access_hash = :accessHash, access_issued_at = :accessIssued,
        access_expires_at = :accessExpires, access_scopes = :accessScopes,
        access_claims = :accessClaims, access_invalidated = :accessInvalidated,
        refresh_hash = :refreshHash, refresh_issued_at = :refreshIssued,
        refresh_expires_at = :refreshExpires, refresh_invalidated = :refreshInvalidated,
        purge_after = :purgeAfter, updated_at = :now, row_version = row_version + 1
      where id = :id""";

  private static final String INSERT =
      """
      insert into as_authorization (id, registered_client_id, principal_name, grant_type,
        authorized_scopes, attributes, state_hash, code_hash, code_issued_at,
        code_expires_at, code_invalidated, access_hash, access_issued_at,
        access_expires_at, access_scopes, access_claims, access_invalidated, refresh_hash,
        refresh_issued_at, refresh_expires_at, refresh_invalidated, purge_after,
        updated_at)
      values (:id, :client, :principal, :grant, :scopes, :attributes, :state, :codeHash,
        :codeIssued, :codeExpires, :codeInvalidated, :accessHash, :accessIssued,
        :accessExpires, :accessScopes, :accessClaims, :accessInvalidated, :refreshHash,
        :refreshIssued, :refreshExpires, :refreshInvalidated, :purgeAfter, :now)""";

  private final JdbcClient jdbc;
  private final AuthorizationRows rows;
  private final Grants grants;
  private final ChangeFeed feed;
  private final AuthServerSettings settings;
  private final Clock clock;

  HashedAuthorizationService(
      JdbcClient jdbc,
      RegisteredClientRepository clients,
      Grants grants,
      ChangeFeed feed,
      AuthServerSettings settings,
      Clock clock) {
    this.jdbc = jdbc;
    this.rows = new AuthorizationRows(clients);
    this.grants = grants;
    this.feed = feed;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Stores the authorization. One that was read from a row is stored only if the row is unchanged
   * since (else {@code invalid_grant}, see the class comment); if it replaces the refresh token it
   * was read with, that one's hash is remembered as rotated.
   */
  @Override
  @Transactional
  public void save(OAuth2Authorization authorization) {
    Instant now = clock.instant();
    Map<String, @Nullable Object> row =
        AuthorizationRows.params(authorization, now, settings.pendingAuthorizationLifetime());
    AuthorizationRows.Read read = AuthorizationRows.read(authorization);
    if (read == null) {
      if (jdbc.sql(UPDATE).params(row).update() == 0) {
        jdbc.sql(INSERT).params(row).update();
      }
      return;
    }
    row.put("version", read.version());
    if (jdbc.sql(UPDATE + " and row_version = :version").params(row).update() == 0) {
      log.info(
          "Authorization {} of client {} changed or was revoked while a request used it: refused",
          authorization.getId(),
          authorization.getRegisteredClientId());
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_GRANT, "The grant was used by another request.", null));
    }
    if (read.endsAccessToken(row)) {
      // Every node's Bearer cache drops the access token this row held (≤ 5 s, API-1).
      feed.record(AccessTokenDirectory.GRANT_TOPIC, authorization.getId());
    }
    String rotated = read.refreshHash();
    if (rotated != null && !rotated.equals(row.get("refreshHash"))) {
      Instant retained = now.plus(ROTATED_REFRESH_RETENTION);
      Instant expires = read.refreshExpiresAt();
      jdbc.sql(
              """
              insert into as_rotated_refresh (hash, authorization_id, rotated_at, expires_at)
              select :hash, :id, :now, :expires from as_authorization
              where id = :id
                and not exists (select 1 from as_rotated_refresh where hash = :hash)""")
          .param("hash", rotated)
          .param("id", authorization.getId())
          .param("now", ts(now))
          .param("expires", ts(expires == null || expires.isAfter(retained) ? retained : expires))
          .update();
    }
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    jdbc.sql("delete from as_authorization where id = :id")
        .param("id", authorization.getId())
        .update();
  }

  /**
   * In a transaction so that resolving the row's client (the application, on a cache miss) uses the
   * same connection: a row mapper that asked the pool for a second one could wait forever once
   * every pooled connection is held by such a mapper.
   */
  @Override
  @Transactional
  public @Nullable OAuth2Authorization findById(String id) {
    return jdbc.sql(SELECT + "id = :id")
        .param("id", id)
        .query((rs, n) -> rows.authorization(rs, null, null))
        .optional()
        .map(rows::ifClientExists)
        .orElse(null);
  }

  /**
   * The authorization holding this value as a token of this type ({@code state}, {@code code},
   * {@code access_token}, {@code refresh_token}; {@code null}: any of them), found by its hash. The
   * matched token carries the presented value; see the class comment for the others. A rotated
   * refresh token looked up as a {@code refresh_token}, or a redeemed code looked up as a {@code
   * code}, revokes its authorization and is not found.
   */
  @Override
  public @Nullable OAuth2Authorization findByToken(
      String token, @Nullable OAuth2TokenType tokenType) {
    String column = column(tokenType);
    if (column == null) {
      return null;
    }
    String hash = TokenHashes.sha256Hex(token);
    String where =
        column.equals("*")
            ? "state_hash = :h or code_hash = :h or access_hash = :h or refresh_hash = :h"
            : column + " = :h";
    OAuth2Authorization found =
        jdbc.sql(SELECT + where)
            .param("h", hash)
            .query((rs, n) -> rows.authorization(rs, token, hash))
            .optional()
            .map(rows::ifClientExists)
            .orElse(null);
    if (found == null && OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
      rotated(hash).ifPresent(id -> revokeReused(id, "a rotated refresh token"));
      return null;
    }
    if (found != null && CODE.equals(tokenType)) {
      OAuth2Authorization.Token<OAuth2AuthorizationCode> code =
          found.getToken(OAuth2AuthorizationCode.class);
      if (code != null && code.isInvalidated()) {
        revokeReused(found.getId(), "a redeemed authorization code");
        return null;
      }
    }
    return found;
  }

  /**
   * Deletes the authorizations whose every token has expired, and expired rotated refresh hashes;
   * returns how many authorizations.
   */
  @Scheduled(
      fixedDelayString = "${portico.authserver.purge-interval:10m}",
      initialDelayString = "${portico.authserver.purge-interval:10m}")
  public int purgeExpired() {
    Instant now = clock.instant();
    jdbc.sql("delete from as_rotated_refresh where expires_at < :now")
        .param("now", ts(now))
        .update();
    return jdbc.sql("delete from as_authorization where purge_after < :now")
        .param("now", ts(now))
        .update();
  }

  private Optional<String> rotated(String hash) {
    return jdbc.sql(
            "select authorization_id from as_rotated_refresh where hash = :h and expires_at > :now")
        .param("h", hash)
        .param("now", ts(clock.instant()))
        .query(String.class)
        .optional();
  }

  private void revokeReused(String authorizationId, String what) {
    if (grants.revokeAuthorization(authorizationId)) {
      log.warn("Reuse of {}: authorization {} revoked", what, authorizationId);
    }
  }

  private static @Nullable String column(@Nullable OAuth2TokenType type) {
    if (type == null) {
      return "*";
    }
    if (type.equals(STATE)) {
      return "state_hash";
    }
    if (type.equals(CODE)) {
      return "code_hash";
    }
    if (type.equals(OAuth2TokenType.ACCESS_TOKEN)) {
      return "access_hash";
    }
    if (type.equals(OAuth2TokenType.REFRESH_TOKEN)) {
      return "refresh_hash";
    }
    return null;
  }
}
