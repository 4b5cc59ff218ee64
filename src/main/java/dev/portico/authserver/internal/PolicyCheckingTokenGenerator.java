package dev.portico.authserver.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The token endpoint's door of {@link dev.portico.authserver.GrantPolicy} (SHR-3): before an access
 * token is made for a code exchange or a refresh, the grant's user must still be allowed to hold
 * it. A user suspended, made light, or whose company app's assignment was removed since the code
 * was issued gets {@code invalid_grant} (RFC 6749 §5.2), and nothing is issued or changed: the
 * stock providers save the authorization only after the tokens were generated.
 */
final class PolicyCheckingTokenGenerator implements OAuth2TokenGenerator<OAuth2Token> {

  private final OAuth2TokenGenerator<? extends OAuth2Token> tokens;
  private final AuthorizeRules rules;

  PolicyCheckingTokenGenerator(
      OAuth2TokenGenerator<? extends OAuth2Token> tokens, AuthorizeRules rules) {
    this.tokens = tokens;
    this.rules = rules;
  }

  @Override
  public @Nullable OAuth2Token generate(OAuth2TokenContext context) {
    if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
        && (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())
            || AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType()))) {
      Authentication principal = context.getPrincipal();
      rules
          .refusal(principal, context.getRegisteredClient(), Map.of())
          .ifPresent(
              reason -> {
                throw new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, reason, null));
              });
    }
    return tokens.generate(context);
  }
}
