package dev.portico.gateway;

import dev.portico.accounts.ApiCaller;
import java.util.Optional;

/**
 * The slot for Bearer access tokens (API-1): the authorization server implements it; the gateway
 * asks every implementation in turn. Until one exists, Bearer requests answer 401.
 */
public interface ApiTokenAuthenticator {

  /**
   * The caller of this access token, or empty when the token is not one this authenticator knows.
   *
   * @throws ApiAuthenticationException when the token is known but no longer valid
   */
  Optional<ApiCaller> authenticate(String bearerToken);
}
