package dev.portico.applications.internal;

import dev.portico.system.SecretCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Spring Security's store of authorized clients, over {@code app_external_token}: registration id =
 * application id, principal name = user id (the console principal's name). Tokens are sealed with
 * {@link SecretCipher} bound to their kind, app and user ({@value #BINDING}), so a value copied to
 * another row or column does not open; they are never logged.
 */
@Component
public class ExternalTokenService implements OAuth2AuthorizedClientService {

  static final String BINDING = "ext:<access|refresh>:<app>:<user>";

  private final ExternalTokens tokens;
  private final ExternalClientRegistrations registrations;
  private final SecretCipher cipher;
  private final Clock clock;

  ExternalTokenService(
      ExternalTokens tokens,
      ExternalClientRegistrations registrations,
      SecretCipher cipher,
      Clock clock) {
    this.tokens = tokens;
    this.registrations = registrations;
    this.cipher = cipher;
    this.clock = clock;
  }

  @Override
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // Spring's signature
  public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(
      String clientRegistrationId, String principalName) {
    UUID app = id(clientRegistrationId);
    UUID user = id(principalName);
    if (app == null || user == null) {
      return null;
    }
    ExternalTokens.Row row = tokens.find(app, user).orElse(null);
    ClientRegistration registration = registrations.findByRegistrationId(clientRegistrationId);
    if (row == null || registration == null) {
      return null;
    }
    return (T) client(registration, principalName, row);
  }

  /** Stores the tokens of a refresh (the grant's date is kept). */
  @Override
  public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal) {
    save(client, principal.getName(), false);
  }

  /** Stores the tokens of a new grant (its date is now). */
  public void saveGrant(OAuth2AuthorizedClient client, UUID userId) {
    save(client, userId.toString(), true);
  }

  @Override
  public void removeAuthorizedClient(String clientRegistrationId, String principalName) {
    UUID app = id(clientRegistrationId);
    UUID user = id(principalName);
    if (app != null && user != null) {
      tokens.delete(app, user);
    }
  }

  private void save(OAuth2AuthorizedClient client, String principalName, boolean fresh) {
    UUID app = id(client.getClientRegistration().getRegistrationId());
    UUID user = id(principalName);
    Assert.notNull(app, "registration id must be an application id");
    Assert.notNull(user, "principal name must be a user id");
    OAuth2AccessToken access = client.getAccessToken();
    OAuth2RefreshToken refresh = client.getRefreshToken();
    Instant now = clock.instant();
    tokens.put(
        new ExternalTokens.Row(
            app,
            user,
            cipher.seal(access.getTokenValue(), binding("access", app, user)),
            refresh == null
                ? null
                : cipher.seal(refresh.getTokenValue(), binding("refresh", app, user)),
            access.getTokenType().getValue(),
            access.getExpiresAt(),
            String.join(" ", access.getScopes()),
            now,
            now),
        fresh);
  }

  private OAuth2AuthorizedClient client(
      ClientRegistration registration, String principalName, ExternalTokens.Row row) {
    UUID app = row.applicationId();
    UUID user = row.userId();
    Instant expires = row.expiresAt();
    // A token's issue time must precede its expiry; a row whose expiry was moved back has none.
    Instant issued = expires == null || expires.isAfter(row.updatedAt()) ? row.updatedAt() : null;
    OAuth2AccessToken access =
        new OAuth2AccessToken(
            OAuth2AccessToken.TokenType.BEARER,
            cipher.open(row.accessSealed(), binding("access", app, user)),
            issued,
            expires,
            ExternalClientRegistrations.scopes(row.scopes()));
    String refreshSealed = row.refreshSealed();
    OAuth2RefreshToken refresh =
        refreshSealed == null
            ? null
            : new OAuth2RefreshToken(
                cipher.open(refreshSealed, binding("refresh", app, user)), row.updatedAt());
    return new OAuth2AuthorizedClient(registration, principalName, access, refresh);
  }

  /** The associated data of a sealed token: it opens only as this kind, for this app and user. */
  static String binding(String kind, UUID applicationId, UUID userId) {
    return "ext:" + kind + ":" + applicationId + ":" + userId;
  }

  private static @Nullable UUID id(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
