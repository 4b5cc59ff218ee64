package dev.portico.authserver;

import static dev.portico.system.Sql.nullableInstant;
import static dev.portico.system.Sql.ts;

import dev.portico.authserver.internal.AuthorizationAttributes;
import dev.portico.authserver.internal.TokenHashes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
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
 * flow needs (see {@link AuthorizationAttributes}).
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
 * <p>Rows whose every token has expired (or that never got one and are older than {@link
 * AuthServerSettings#pendingAuthorizationLifetime()}) are purged every {@link
 * AuthServerSettings#purgeInterval()}.
 */
@Component
public class HashedAuthorizationService implements OAuth2AuthorizationService {

  static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);
  static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

  private static final String SELECT = "select * from as_authorization where ";

  private final JdbcClient jdbc;
  private final RegisteredClientRepository clients;
  private final AuthServerSettings settings;
  private final Clock clock;

  HashedAuthorizationService(
      JdbcClient jdbc,
      RegisteredClientRepository clients,
      AuthServerSettings settings,
      Clock clock) {
    this.jdbc = jdbc;
    this.clients = clients;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void save(OAuth2Authorization authorization) {
    String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
    OAuth2Authorization.Token<OAuth2AuthorizationCode> code =
        authorization.getToken(OAuth2AuthorizationCode.class);
    OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
    OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
    Instant now = clock.instant();
    Instant purgeAfter =
        Stream.of(code, access, refresh)
            .filter(t -> t != null && t.getToken().getExpiresAt() != null)
            .map(t -> t.getToken().getExpiresAt())
            .max(Instant::compareTo)
            .orElse(now.plus(settings.pendingAuthorizationLifetime()));
    Map<String, @Nullable Object> row = new HashMap<>();
    row.put("id", authorization.getId());
    row.put("client", authorization.getRegisteredClientId());
    row.put("principal", authorization.getPrincipalName());
    row.put("grant", authorization.getAuthorizationGrantType().getValue());
    row.put("scopes", String.join(" ", authorization.getAuthorizedScopes()));
    row.put("attributes", AuthorizationAttributes.encode(authorization.getAttributes()));
    row.put("state", TokenHashes.storedHash(state));
    put(row, "code", code);
    put(row, "access", access);
    row.put(
        "accessScopes", access == null ? null : String.join(" ", access.getToken().getScopes()));
    row.put(
        "accessClaims",
        access == null || access.getClaims() == null
            ? null
            : AuthorizationAttributes.encodeClaims(access.getClaims()));
    put(row, "refresh", refresh);
    row.put("purgeAfter", ts(purgeAfter));
    row.put("now", ts(now));
    int updated =
        jdbc.sql(
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
                  purge_after = :purgeAfter, updated_at = :now
                where id = :id""")
            .params(row)
            .update();
    if (updated == 0) {
      jdbc.sql(
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
                :refreshIssued, :refreshExpires, :refreshInvalidated, :purgeAfter, :now)""")
          .params(row)
          .update();
    }
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    jdbc.sql("delete from as_authorization where id = :id")
        .param("id", authorization.getId())
        .update();
  }

  @Override
  public @Nullable OAuth2Authorization findById(String id) {
    return jdbc.sql(SELECT + "id = :id")
        .param("id", id)
        .query((rs, n) -> Optional.ofNullable(read(rs, null)))
        .optional()
        .flatMap(found -> found)
        .orElse(null);
  }

  /**
   * The authorization holding this value as a token of this type ({@code state}, {@code code},
   * {@code access_token}, {@code refresh_token}; {@code null}: any of them), found by its hash. The
   * matched token carries the presented value; see the class comment for the others.
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
    return jdbc.sql(SELECT + where)
        .param("h", hash)
        .query((rs, n) -> Optional.ofNullable(read(rs, new Presented(token, hash))))
        .optional()
        .flatMap(found -> found)
        .orElse(null);
  }

  /** Deletes the authorizations whose every token has expired; returns how many. */
  @Scheduled(
      fixedDelayString = "${portico.authserver.purge-interval:10m}",
      initialDelayString = "${portico.authserver.purge-interval:10m}")
  public int purgeExpired() {
    return jdbc.sql("delete from as_authorization where purge_after < :now")
        .param("now", ts(clock.instant()))
        .update();
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

  private static void put(
      Map<String, @Nullable Object> row,
      String prefix,
      OAuth2Authorization.@Nullable Token<? extends OAuth2Token> token) {
    OAuth2Token value = token == null ? null : token.getToken();
    row.put(prefix + "Hash", value == null ? null : TokenHashes.storedHash(value.getTokenValue()));
    row.put(
        prefix + "Issued",
        value == null || value.getIssuedAt() == null ? null : ts(value.getIssuedAt()));
    row.put(
        prefix + "Expires",
        value == null || value.getExpiresAt() == null ? null : ts(value.getExpiresAt()));
    row.put(prefix + "Invalidated", token != null && token.isInvalidated());
  }

  /** The value presented to {@link #findByToken} and its hash. */
  private record Presented(String value, String hash) {}

  private @Nullable OAuth2Authorization read(ResultSet rs, @Nullable Presented presented)
      throws SQLException {
    RegisteredClient client = clients.findById(rs.getString("registered_client_id"));
    if (client == null) {
      // The application was deleted: its authorizations are gone with it.
      return null;
    }
    Map<String, Object> attributes = AuthorizationAttributes.decode(rs.getString("attributes"));
    OAuth2Authorization.Builder builder =
        OAuth2Authorization.withRegisteredClient(client)
            .id(rs.getString("id"))
            .principalName(rs.getString("principal_name"))
            .authorizationGrantType(new AuthorizationGrantType(rs.getString("grant_type")))
            .authorizedScopes(words(rs.getString("authorized_scopes")))
            .attributes(a -> a.putAll(attributes));
    String stateHash = rs.getString("state_hash");
    if (stateHash != null) {
      builder.attribute(OAuth2ParameterNames.STATE, value(stateHash, presented));
    }
    String codeHash = rs.getString("code_hash");
    if (codeHash != null) {
      OAuth2AuthorizationCode code =
          new OAuth2AuthorizationCode(
              value(codeHash, presented),
              nullableInstant(rs, "code_issued_at"),
              nullableInstant(rs, "code_expires_at"));
      boolean invalidated = rs.getBoolean("code_invalidated");
      builder.token(
          code, m -> m.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, invalidated));
    }
    String accessHash = rs.getString("access_hash");
    if (accessHash != null) {
      OAuth2AccessToken access =
          new OAuth2AccessToken(
              OAuth2AccessToken.TokenType.BEARER,
              value(accessHash, presented),
              nullableInstant(rs, "access_issued_at"),
              nullableInstant(rs, "access_expires_at"),
              words(rs.getString("access_scopes")));
      boolean invalidated = rs.getBoolean("access_invalidated");
      String claims = rs.getString("access_claims");
      builder.token(
          access,
          m -> {
            m.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, invalidated);
            if (claims != null) {
              m.put(
                  OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                  AuthorizationAttributes.decodeClaims(claims));
            }
          });
    }
    String refreshHash = rs.getString("refresh_hash");
    if (refreshHash != null) {
      OAuth2RefreshToken refresh =
          new OAuth2RefreshToken(
              value(refreshHash, presented),
              nullableInstant(rs, "refresh_issued_at"),
              nullableInstant(rs, "refresh_expires_at"));
      boolean invalidated = rs.getBoolean("refresh_invalidated");
      builder.token(
          refresh, m -> m.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, invalidated));
    }
    return builder.build();
  }

  private static String value(String storedHash, @Nullable Presented presented) {
    return presented != null && presented.hash().equals(storedHash)
        ? presented.value()
        : TokenHashes.placeholder(storedHash);
  }

  private static Set<String> words(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return Set.of();
    }
    return new LinkedHashSet<>(Arrays.asList(text.split(" ")));
  }
}
