package dev.portico.applications.internal;

import dev.portico.applications.ExternalOAuth;
import dev.portico.system.SecretCipher;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * One {@link ClientRegistration} per application with an External OAuth configuration (APP-6), read
 * from {@code app_external_oauth} on every call (a change applies at once, on every node):
 * registration id = the app's id; the authorization code grant; the client secret opened here and
 * only here, sent with HTTP Basic ({@code client_secret_basic}, RFC 6749 §2.3.1) — or, without a
 * secret, as a public client; the redirect URI {@value #REDIRECT_URI}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1">RFC 6749 §4.1</a>
 */
@Component
public class ExternalClientRegistrations implements ClientRegistrationRepository {

  /** Where the app's server sends the user back; register it there, {@code {baseUrl}} expanded. */
  public static final String CALLBACK_PATH = "/external-oauth/callback/";

  static final String REDIRECT_URI = "{baseUrl}" + CALLBACK_PATH + "{registrationId}";

  private static final Logger log = LoggerFactory.getLogger(ExternalClientRegistrations.class);

  private final ExternalOAuths externals;
  private final SecretCipher cipher;

  ExternalClientRegistrations(ExternalOAuths externals, SecretCipher cipher) {
    this.externals = externals;
    this.cipher = cipher;
  }

  /** The associated data an External OAuth secret is sealed with: it opens only for its app. */
  public static String secretBinding(UUID applicationId) {
    return "app-external:" + applicationId;
  }

  /** The scopes of a configuration, which separates them by spaces or commas (may be none). */
  public static Set<String> scopes(String configured) {
    Set<String> scopes = new LinkedHashSet<>();
    Arrays.stream(configured.split("[\\s,]+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
    return scopes;
  }

  @Override
  public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
    UUID applicationId = applicationId(registrationId);
    if (applicationId == null) {
      return null;
    }
    ExternalOAuth config = externals.find(applicationId).orElse(null);
    if (config == null) {
      return null;
    }
    try {
      String secret =
          externals
              .sealedSecret(applicationId)
              .map(value -> cipher.open(value, secretBinding(applicationId)))
              .orElse(null);
      return ClientRegistration.withRegistrationId(applicationId.toString())
          .clientId(config.clientId())
          .clientSecret(secret)
          .clientAuthenticationMethod(
              secret == null
                  ? ClientAuthenticationMethod.NONE
                  : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUri(REDIRECT_URI)
          .scope(scopes(config.scopes()))
          .authorizationUri(config.authorizationUrl())
          .tokenUri(config.tokenUrl())
          .build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      // A secret sealed with a key this node lacks, or scopes no server could accept: the app
      // cannot be granted until its configuration is fixed. Never log the secret.
      log.warn("External OAuth of application {} is unusable: {}", applicationId, e.getMessage());
      return null;
    }
  }

  private static @Nullable UUID applicationId(String registrationId) {
    try {
      return UUID.fromString(registrationId);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
