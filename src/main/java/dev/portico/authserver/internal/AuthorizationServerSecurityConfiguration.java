package dev.portico.authserver.internal;

import dev.portico.applications.ApplicationDirectory;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The authorization server's security chain (SPEC §3, OAU-1): Spring Security's {@link
 * OAuth2AuthorizationServerConfigurer}, OIDC off, matching only its endpoints, ordered before the
 * console's chain (and after {@code /api/**}'s):
 *
 * <ul>
 *   <li>{@code GET /oauth/authorize}, {@code POST /oauth/token}, {@code POST /oauth/revoke} (RFC
 *       7009), {@code POST /oauth/introspect} (RFC 7662), {@code GET
 *       /.well-known/oauth-authorization-server} (RFC 8414);
 *   <li>opaque (reference) tokens: no JWK source is configured, and {@link
 *       dev.portico.authserver.ApplicationClients} asks for reference access tokens;
 *   <li>client authentication through the applications module ({@link
 *       ApplicationSecretAuthentication}) in place of the stock secret check;
 *   <li>the resource owner is the console's signed-in user (the console session; principal name:
 *       the user id); an anonymous {@code /oauth/authorize} goes to {@code /login?continue=…} and
 *       comes back after sign-in.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurityConfiguration {

  static final String AUTHORIZE = "/oauth/authorize";

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder()
        .authorizationEndpoint(AUTHORIZE)
        .tokenEndpoint("/oauth/token")
        .tokenRevocationEndpoint("/oauth/revoke")
        .tokenIntrospectionEndpoint("/oauth/introspect")
        .build();
  }

  /**
   * Consent, for now in memory (one node; forgotten at restart, so a user is asked again): the
   * stock consent page and flow.
   */
  @Bean
  OAuth2AuthorizationConsentService authorizationConsentService() {
    return new InMemoryOAuth2AuthorizationConsentService();
  }

  private static final List<String> CLIENT_AUTHENTICATION =
      List.of("client_secret_basic", "client_secret_post");

  /**
   * The RFC 8414 metadata lists only what Portico does: client secrets (body or Basic), the code
   * and refresh grants, no JWK set (tokens are opaque, OAU-6), no mTLS or DPoP binding.
   */
  static void advertised(Map<String, Object> claims) {
    claims.remove("jwks_uri");
    claims.remove("tls_client_certificate_bound_access_tokens");
    claims.remove("dpop_signing_alg_values_supported");
    claims.put("token_endpoint_auth_methods_supported", CLIENT_AUTHENTICATION);
    claims.put("revocation_endpoint_auth_methods_supported", CLIENT_AUTHENTICATION);
    claims.put("introspection_endpoint_auth_methods_supported", CLIENT_AUTHENTICATION);
    claims.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
  }

  @Bean
  @Order(2)
  SecurityFilterChain authorizationServerSecurity(
      HttpSecurity http,
      RegisteredClientRepository clients,
      OAuth2AuthorizationService authorizations,
      OAuth2AuthorizationConsentService consents,
      AuthorizationServerSettings settings,
      ApplicationDirectory directory)
      throws Exception {
    AuthenticationProvider secrets =
        new ApplicationSecretAuthentication(clients, directory, authorizations);
    OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
    // @formatter:off
    http.securityMatcher(server.getEndpointsMatcher())
        .with(
            server,
            as ->
                as.registeredClientRepository(clients)
                    .authorizationService(authorizations)
                    .authorizationConsentService(consents)
                    .authorizationServerSettings(settings)
                    .tokenEndpoint(token -> token.accessTokenResponseHandler(new TokenResponses()))
                    .authorizationServerMetadataEndpoint(
                        metadata ->
                            metadata.authorizationServerMetadataCustomizer(
                                claims ->
                                    claims.claims(
                                        AuthorizationServerSecurityConfiguration::advertised)))
                    .clientAuthentication(
                        client ->
                            client.authenticationProviders(
                                providers -> {
                                  providers.removeIf(
                                      p -> p instanceof ClientSecretAuthenticationProvider);
                                  providers.add(0, secrets);
                                })))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .requestCache(cache -> cache.disable())
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new SignInEntryPoint()))
        .headers(headers -> headers.frameOptions(frame -> frame.deny()));
    // @formatter:on
    return http.build();
  }

  /**
   * Sends an anonymous {@code GET /oauth/authorize} to the console's sign-in page with the request
   * in {@code continue} (relative: never a host the request names); the console sends the user back
   * there after sign-in.
   */
  static final class SignInEntryPoint extends LoginUrlAuthenticationEntryPoint {

    SignInEntryPoint() {
      super("/login");
      setFavorRelativeUris(true);
    }

    /** The other endpoints are for clients: no client authentication is {@code invalid_client}. */
    @Override
    public void commence(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
        throws IOException, ServletException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.equals(AUTHORIZE)) {
        super.commence(request, response, e);
        return;
      }
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"portico\"");
      response.setHeader("Cache-Control", "no-store");
      response.setContentType("application/json");
      response.getWriter().write("{\"error\":\"invalid_client\"}");
    }

    @Override
    protected String determineUrlToUseForThisRequest(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
      if (!"GET".equals(request.getMethod())) {
        return "/login";
      }
      String query = request.getQueryString();
      String page =
          request.getRequestURI().substring(request.getContextPath().length())
              + (query == null ? "" : "?" + query);
      return "/login?continue=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
    }
  }
}
