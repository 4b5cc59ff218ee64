package dev.portico.gateway.internal;

import dev.portico.accounts.ApiCaller;
import dev.portico.authserver.AccessTokenDirectory;
import dev.portico.authserver.AccessTokenRefused;
import dev.portico.gateway.ApiAuthenticationException;
import dev.portico.gateway.ApiTokenAuthenticator;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The authorization server's access tokens in the gateway's Bearer slot (API-1): the token is
 * verified where it lives ({@link AccessTokenDirectory}); a refusal is this chain's 401, {@code
 * inactive_user} for a suspended user and {@code invalid_credentials} otherwise (an expired,
 * revoked or unknown token get the same answer).
 */
@Component
class AuthorizationServerTokens implements ApiTokenAuthenticator {

  private final AccessTokenDirectory tokens;

  AuthorizationServerTokens(AccessTokenDirectory tokens) {
    this.tokens = tokens;
  }

  @Override
  public Optional<ApiCaller> authenticate(String bearerToken) {
    try {
      return tokens.authenticate(bearerToken);
    } catch (AccessTokenRefused refused) {
      throw new ApiAuthenticationException(
          refused.reason() == AccessTokenRefused.Reason.INACTIVE_USER
              ? ApiAuthenticationException.INACTIVE_USER
              : ApiAuthenticationException.INVALID_KEY);
    }
  }
}
