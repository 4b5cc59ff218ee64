package dev.portico.authserver.internal;

import dev.portico.applications.ApplicationDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Client authentication with {@code client_secret_post} and {@code client_secret_basic} through
 * {@link ApplicationDirectory#verifyClientSecret} (constant time, the regenerate overlap honoured,
 * APP-3), in place of the stock secret check, which would compare against a secret the {@link
 * RegisteredClient} does not hold (only its hash exists, in the applications module).
 *
 * <p>The stock {@link ClientSecretAuthenticationProvider} still runs the flow (unknown client,
 * method not registered, PKCE verifier of a confidential client, RFC 6749 §5.2 {@code
 * invalid_client}), but over clients whose "secret" is a marker naming the client, and with a
 * {@link PasswordEncoder} that answers by asking the directory. The marker is no secret: it is the
 * client id, and it never leaves this node.
 */
public final class ApplicationSecretAuthentication implements AuthenticationProvider {

  private static final String MARKER = "{portico-application}";

  private final ClientSecretAuthenticationProvider delegate;

  public ApplicationSecretAuthentication(
      RegisteredClientRepository clients,
      ApplicationDirectory directory,
      OAuth2AuthorizationService authorizations) {
    this.delegate =
        new ClientSecretAuthenticationProvider(new MarkedClients(clients), authorizations);
    this.delegate.setPasswordEncoder(new DirectoryCheck(directory));
  }

  @Override
  public @Nullable Authentication authenticate(Authentication authentication)
      throws AuthenticationException {
    return delegate.authenticate(authentication);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** The clients, each with the marker of its client id as its "secret". */
  private record MarkedClients(RegisteredClientRepository clients)
      implements RegisteredClientRepository {

    @Override
    public void save(RegisteredClient registeredClient) {
      clients.save(registeredClient);
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
      return marked(clients.findById(id));
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
      return marked(clients.findByClientId(clientId));
    }

    private static @Nullable RegisteredClient marked(@Nullable RegisteredClient client) {
      return client == null
          ? null
          : RegisteredClient.from(client).clientSecret(MARKER + client.getClientId()).build();
    }
  }

  /** Matches a presented secret by asking the directory about the client its marker names. */
  private record DirectoryCheck(ApplicationDirectory directory) implements PasswordEncoder {

    @Override
    public String encode(@Nullable CharSequence rawPassword) {
      throw new UnsupportedOperationException("client secrets are made by the applications module");
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
      if (rawPassword == null || encodedPassword == null || !encodedPassword.startsWith(MARKER)) {
        return false;
      }
      String clientId = encodedPassword.substring(MARKER.length());
      return directory.verifyClientSecret(clientId, rawPassword.toString()).isPresent();
    }
  }
}
