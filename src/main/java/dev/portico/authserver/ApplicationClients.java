package dev.portico.authserver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationDirectory;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.PlatformOAuth;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The authorization server's clients: the applications module's applications, read through {@link
 * ApplicationDirectory} on every call (so a change or a deletion reaches this node within the
 * directory's cache bound) and never copied.
 *
 * <p>A {@link RegisteredClient} is made per call from the {@link Application}:
 *
 * <ul>
 *   <li>id: the application's id; client id and name: the app's;
 *   <li>redirect URIs: the app's redirect URLs (the builder keeps them in a set, so the registered
 *       order, whose first entry is the default of {@code /oauth/authorize} (OAU-2), is read from
 *       {@link Application#redirectUrls()});
 *   <li>scopes: the names of the app's {@link dev.portico.accounts.Scope}s;
 *   <li>grant types {@code authorization_code} and {@code refresh_token}; client authentication
 *       {@code client_secret_post} and {@code client_secret_basic};
 *   <li>PKCE required for {@link ApplicationType#CONNECTED_DESKTOP} (it cannot keep a secret);
 *   <li>opaque (reference) access tokens, so that only their hashes are stored (OAU-6), living
 *       {@link PlatformOAuth#accessTokenLifetime()}; refresh tokens living {@link
 *       PlatformOAuth#refreshTokenLifetime()} or, without one, {@link
 *       AuthServerSettings#grantRefreshTokenLifetime()}; refresh tokens rotated on every use; codes
 *       living {@link AuthServerSettings#authorizationCodeLifetime()} (60 s).
 * </ul>
 *
 * <p><strong>The client secret is not in the {@code RegisteredClient}</strong>: only its hash
 * exists, inside the applications module. Client authentication must therefore go through {@link
 * ApplicationDirectory#verifyClientSecret} (which also honours a regenerate overlap, APP-3), not
 * through the stock secret check, which would find no secret and refuse every client.
 *
 * <p>Clients are made by the applications module; {@link #save} is unsupported.
 */
@Component
public class ApplicationClients implements RegisteredClientRepository {

  private final ApplicationDirectory directory;
  private final ApplicationManagement management;
  private final AuthServerSettings settings;

  /** Application id → client id: a client id never changes, so this needs no invalidation. */
  private final Cache<UUID, String> clientIdsById =
      Caffeine.newBuilder().maximumSize(100_000).build();

  ApplicationClients(
      ApplicationDirectory directory,
      ApplicationManagement management,
      AuthServerSettings settings) {
    this.directory = directory;
    this.management = management;
    this.settings = settings;
  }

  /** Unsupported: clients are registered through the applications module. */
  @Override
  public void save(RegisteredClient registeredClient) {
    throw new UnsupportedOperationException(
        "OAuth clients are the applications module's applications");
  }

  /** The client whose id (the application's id) this is, or {@code null}. */
  @Override
  public @Nullable RegisteredClient findById(String id) {
    UUID applicationId;
    try {
      applicationId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String clientId = clientIdsById.getIfPresent(applicationId);
    if (clientId == null) {
      Optional<Application> app = management.application(applicationId);
      if (app.isEmpty()) {
        return null;
      }
      clientId = app.get().clientId();
      clientIdsById.put(applicationId, clientId);
    }
    return findByClientId(clientId);
  }

  /** The client with this client id, or {@code null} (unknown, or its app was deleted). */
  @Override
  public @Nullable RegisteredClient findByClientId(String clientId) {
    return directory.byClientId(clientId).map(this::registeredClient).orElse(null);
  }

  /** The application behind a client, for pages and checks that need more than OAuth's fields. */
  public Optional<Application> application(RegisteredClient client) {
    return directory
        .byClientId(client.getClientId())
        .filter(app -> app.id().toString().equals(client.getId()));
  }

  RegisteredClient registeredClient(Application app) {
    PlatformOAuth oauth = app.platformOAuth();
    Duration refresh =
        oauth.refreshTokenLifetime() != null
            ? oauth.refreshTokenLifetime()
            : settings.grantRefreshTokenLifetime();
    return RegisteredClient.withId(app.id().toString())
        .clientId(app.clientId())
        .clientIdIssuedAt(app.createdAt())
        .clientName(app.name())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUris(uris -> uris.addAll(app.redirectUrls()))
        .scopes(scopes -> app.scopes().forEach(scope -> scopes.add(scope.name())))
        .clientSettings(
            ClientSettings.builder()
                .requireProofKey(app.type() == ApplicationType.CONNECTED_DESKTOP)
                .requireAuthorizationConsent(true)
                .build())
        .tokenSettings(
            TokenSettings.builder()
                .authorizationCodeTimeToLive(settings.authorizationCodeLifetime())
                .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                .accessTokenTimeToLive(oauth.accessTokenLifetime())
                .refreshTokenTimeToLive(refresh)
                .reuseRefreshTokens(false)
                .build())
        .build();
  }
}
