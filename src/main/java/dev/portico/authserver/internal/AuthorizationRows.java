package dev.portico.authserver.internal;

import static dev.portico.system.Sql.nullableInstant;
import static dev.portico.system.Sql.ts;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Rows of {@code as_authorization} to authorizations and back, for {@link
 * dev.portico.authserver.HashedAuthorizationService}: a raw value is never written (only its
 * SHA-256 hex, {@link TokenHashes}), and a token read back carries the presented value when it is
 * the one that was presented, a placeholder otherwise.
 *
 * <p>An authorization read from a row carries the attribute {@value #READ}: the row's version and
 * refresh token hash as they were read ({@link Read}). The stock providers copy attributes into the
 * authorization they save, so that a save can be conditional on the row being unchanged since it
 * was read (two requests racing with one code or one refresh token: one of them wins) and knows
 * which refresh token it rotates. The attribute is never stored.
 */
public final class AuthorizationRows {

  /** The attribute holding the row as it was read. */
  public static final String READ = "portico.authserver.row";

  /** The row as it was read: its version, and its refresh token's hash and expiry (null: none). */
  public record Read(
      long version,
      @Nullable String refreshHash,
      @Nullable Instant refreshExpiresAt,
      @Nullable String accessHash,
      boolean accessInvalidated)
      implements Serializable {

    /**
     * Whether the row about to be stored ends the access token this row held: replaced (a refresh)
     * or invalidated (RFC 7009 revocation, a reused code).
     */
    public boolean endsAccessToken(Map<String, @Nullable Object> next) {
      return accessHash != null
          && !accessInvalidated
          && (!accessHash.equals(next.get("accessHash"))
              || Boolean.TRUE.equals(next.get("accessInvalidated")));
    }
  }

  private final RegisteredClientRepository clients;

  public AuthorizationRows(RegisteredClientRepository clients) {
    this.clients = clients;
  }

  /** The row as it was read, if the authorization came from one. */
  public static @Nullable Read read(OAuth2Authorization authorization) {
    return authorization.getAttribute(READ) instanceof Read read ? read : null;
  }

  /**
   * The named parameters of the row for this authorization: {@code id}, {@code client}, {@code
   * principal}, {@code grant}, {@code scopes}, {@code attributes}, {@code state}, {@code
   * code|access|refresh} + {@code Hash|Issued|Expires|Invalidated}, {@code accessScopes}, {@code
   * accessClaims}, {@code purgeAfter} (the latest expiry of its tokens, or {@code now + pending}
   * when it holds none) and {@code now}.
   */
  public static Map<String, @Nullable Object> params(
      OAuth2Authorization authorization, Instant now, Duration pending) {
    String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
    OAuth2Authorization.Token<OAuth2AuthorizationCode> code =
        authorization.getToken(OAuth2AuthorizationCode.class);
    OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
    OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
    Instant purgeAfter =
        Stream.of(code, access, refresh)
            .filter(t -> t != null && t.getToken().getExpiresAt() != null)
            .map(t -> t.getToken().getExpiresAt())
            .max(Instant::compareTo)
            .orElse(now.plus(pending));
    Map<String, Object> attributes = new LinkedHashMap<>(authorization.getAttributes());
    attributes.remove(READ);
    Map<String, @Nullable Object> row = new HashMap<>();
    row.put("id", authorization.getId());
    row.put("client", authorization.getRegisteredClientId());
    row.put("principal", authorization.getPrincipalName());
    row.put("grant", authorization.getAuthorizationGrantType().getValue());
    row.put("scopes", String.join(" ", authorization.getAuthorizedScopes()));
    row.put("attributes", AuthorizationAttributes.encode(attributes));
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
    return row;
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

  /**
   * The authorization, or {@code null} when its client is gone (the application was deleted, its
   * authorizations with it).
   */
  public @Nullable OAuth2Authorization ifClientExists(OAuth2Authorization authorization) {
    return clients.findById(authorization.getRegisteredClientId()) == null ? null : authorization;
  }

  /**
   * The authorization of this row, whether or not its client still exists ({@link
   * #ifClientExists}). The token whose hash is {@code presentedHash} carries {@code
   * presentedValue}; every other token a placeholder.
   */
  public OAuth2Authorization authorization(
      ResultSet rs, @Nullable String presentedValue, @Nullable String presentedHash)
      throws SQLException {
    // The builder keeps only the client's id: a shell, so that no query runs inside the row
    // mapper (it would hold this connection while asking the pool for another). Whether the
    // client still exists is {@link #ifClientExists}'s question, asked after the result set closed.
    RegisteredClient client =
        RegisteredClient.withId(rs.getString("registered_client_id"))
            .clientId(rs.getString("registered_client_id"))
            .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
            .build();
    Map<String, Object> attributes = AuthorizationAttributes.decode(rs.getString("attributes"));
    String refreshHash = rs.getString("refresh_hash");
    OAuth2Authorization.Builder builder =
        OAuth2Authorization.withRegisteredClient(client)
            .id(rs.getString("id"))
            .principalName(rs.getString("principal_name"))
            .authorizationGrantType(new AuthorizationGrantType(rs.getString("grant_type")))
            .authorizedScopes(words(rs.getString("authorized_scopes")))
            .attributes(a -> a.putAll(attributes))
            .attribute(
                READ,
                new Read(
                    rs.getLong("row_version"),
                    refreshHash,
                    nullableInstant(rs, "refresh_expires_at"),
                    rs.getString("access_hash"),
                    rs.getBoolean("access_invalidated")));
    Values values = new Values(presentedValue, presentedHash);
    String stateHash = rs.getString("state_hash");
    if (stateHash != null) {
      builder.attribute(OAuth2ParameterNames.STATE, values.of(stateHash));
    }
    String codeHash = rs.getString("code_hash");
    if (codeHash != null) {
      OAuth2AuthorizationCode code =
          new OAuth2AuthorizationCode(
              values.of(codeHash),
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
              values.of(accessHash),
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
    if (refreshHash != null) {
      OAuth2RefreshToken refresh =
          new OAuth2RefreshToken(
              values.of(refreshHash),
              nullableInstant(rs, "refresh_issued_at"),
              nullableInstant(rs, "refresh_expires_at"));
      boolean invalidated = rs.getBoolean("refresh_invalidated");
      builder.token(
          refresh, m -> m.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, invalidated));
    }
    return builder.build();
  }

  /** The value presented to a lookup and its hash (both null: none was). */
  private record Values(@Nullable String presented, @Nullable String hash) {

    String of(String storedHash) {
      return presented != null && storedHash.equals(hash)
          ? presented
          : TokenHashes.placeholder(storedHash);
    }
  }

  private static Set<String> words(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return Set.of();
    }
    return new LinkedHashSet<>(Arrays.asList(text.split(" ")));
  }
}
