package dev.portico.authserver.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.util.StringUtils;

/**
 * The code exchange of a client that sent no {@code redirect_uri} to authorize: Portico chose the
 * app's first registered one ({@link AuthorizeRequestConverter#DEFAULT_REDIRECT}), and RFC 6749
 * §4.1.3 asks for {@code redirect_uri} at the token endpoint only if it was sent to authorize. The
 * stock provider compares the stored redirect URI with the token request's, so this gives it the
 * stored one; a client that did send {@code redirect_uri} must send it again.
 */
final class DefaultRedirectExchange implements AuthenticationProvider {

  private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

  private final AuthenticationProvider exchanges;
  private final OAuth2AuthorizationService authorizations;

  DefaultRedirectExchange(
      AuthenticationProvider exchanges, OAuth2AuthorizationService authorizations) {
    this.exchanges = exchanges;
    this.authorizations = authorizations;
  }

  @Override
  public @Nullable Authentication authenticate(Authentication authentication) {
    OAuth2AuthorizationCodeAuthenticationToken exchange =
        (OAuth2AuthorizationCodeAuthenticationToken) authentication;
    if (StringUtils.hasText(exchange.getRedirectUri())) {
      return exchanges.authenticate(exchange);
    }
    OAuth2Authorization authorization = authorizations.findByToken(exchange.getCode(), CODE);
    OAuth2AuthorizationRequest request =
        authorization == null
            ? null
            : authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
    if (request == null
        || !"true"
            .equals(
                request
                    .getAdditionalParameters()
                    .get(AuthorizeRequestConverter.DEFAULT_REDIRECT))) {
      return exchanges.authenticate(exchange);
    }
    return exchanges.authenticate(
        new OAuth2AuthorizationCodeAuthenticationToken(
            exchange.getCode(),
            (Authentication) exchange.getPrincipal(),
            request.getRedirectUri(),
            exchange.getAdditionalParameters()));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return exchanges.supports(authentication);
  }
}
