package dev.portico.authserver.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.DefaultOAuth2AccessTokenResponseMapConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Writes the token endpoint's answer in the OAU-3 shape: {@code access_token}, {@code token_type}
 * {@code Bearer}, {@code expires_in} (the token's lifetime: 3600, not the stock "seconds left now",
 * which is 3599 by the time it is written), {@code refresh_token}, {@code scope} (space-separated).
 */
public final class TokenResponses implements AuthenticationSuccessHandler {

  private final HttpMessageConverter<OAuth2AccessTokenResponse> converter;

  public TokenResponses() {
    OAuth2AccessTokenResponseHttpMessageConverter json =
        new OAuth2AccessTokenResponseHttpMessageConverter();
    DefaultOAuth2AccessTokenResponseMapConverter parameters =
        new DefaultOAuth2AccessTokenResponseMapConverter();
    json.setAccessTokenResponseParametersConverter(
        response -> {
          Map<String, Object> values = new HashMap<>(parameters.convert(response));
          OAuth2AccessToken token = response.getAccessToken();
          if (token.getIssuedAt() != null && token.getExpiresAt() != null) {
            values.put(
                OAuth2ParameterNames.EXPIRES_IN,
                ChronoUnit.SECONDS.between(token.getIssuedAt(), token.getExpiresAt()));
          }
          return values;
        });
    this.converter = json;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    OAuth2AccessTokenAuthenticationToken issued =
        (OAuth2AccessTokenAuthenticationToken) authentication;
    OAuth2AccessToken access = issued.getAccessToken();
    OAuth2RefreshToken refresh = issued.getRefreshToken();
    OAuth2AccessTokenResponse.Builder body =
        OAuth2AccessTokenResponse.withToken(access.getTokenValue())
            .tokenType(access.getTokenType())
            .scopes(access.getScopes());
    if (access.getIssuedAt() != null && access.getExpiresAt() != null) {
      body.expiresIn(ChronoUnit.SECONDS.between(access.getIssuedAt(), access.getExpiresAt()));
    }
    if (refresh != null) {
      body.refreshToken(refresh.getTokenValue());
    }
    if (!issued.getAdditionalParameters().isEmpty()) {
      body.additionalParameters(issued.getAdditionalParameters());
    }
    converter.write(body.build(), null, new ServletServerHttpResponse(response));
  }
}
