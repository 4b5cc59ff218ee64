package dev.portico.authserver.internal;

import dev.portico.accounts.ConsoleProtection;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.ApplicationDirectory;
import dev.portico.authserver.ApplicationClients;
import dev.portico.authserver.GrantPolicy;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenClaimsContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.web.servlet.ViewResolver;

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
 *       comes back after sign-in;
 *   <li>OAU-2 on the stock authorization endpoint: {@link AuthorizeRequestConverter} (comma and
 *       absent scopes, the first redirect URI as default), {@link AuthorizeRules} (exact redirect
 *       match, {@code company_id}, SHR-3, skip-consent) set on the stock providers, the Authorize
 *       application page at {@value #CONSENT_PAGE} ({@code authserver.web}), its form CSRF-checked
 *       by {@link ConsentCsrfFilter}, consent kept by {@link EpochAuthorizationConsentService}, and
 *       {@link AuthorizationResponses} (the oob page, the error page);
 *   <li>at the token endpoint, {@link PolicyCheckingTokenGenerator} (SHR-3 again) and {@link
 *       DefaultRedirectExchange} (no {@code redirect_uri} needed when none was sent to authorize).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurityConfiguration {

  static final String AUTHORIZE = "/oauth/authorize";

  /** The Authorize application page (a console page: {@code authserver.web}). */
  static final String CONSENT_PAGE = "/oauth/consent";

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
   * The tokens of the code and refresh grants (the stock generators: opaque access tokens, refresh
   * tokens), made only for a user {@link dev.portico.authserver.GrantPolicy} still allows.
   */
  static OAuth2TokenGenerator<OAuth2Token> tokenGenerator(
      ObjectProvider<OAuth2TokenCustomizer<OAuth2TokenClaimsContext>> customizers,
      AuthorizeRules rules) {
    OAuth2AccessTokenGenerator access = new OAuth2AccessTokenGenerator();
    customizers.ifAvailable(access::setAccessTokenCustomizer);
    return new PolicyCheckingTokenGenerator(
        new DelegatingOAuth2TokenGenerator(access, new OAuth2RefreshTokenGenerator()), rules);
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
      ApplicationClients clients,
      OAuth2AuthorizationService authorizations,
      OAuth2AuthorizationConsentService consents,
      AuthorizationServerSettings settings,
      ApplicationDirectory directory,
      UserManagement users,
      GrantPolicy policy,
      @Qualifier("thymeleafViewResolver") ViewResolver views,
      ObjectProvider<OAuth2TokenCustomizer<OAuth2TokenClaimsContext>> customizers)
      throws Exception {
    AuthenticationProvider secrets =
        new ApplicationSecretAuthentication(clients, directory, authorizations);
    AuthorizeRules rules = new AuthorizeRules(clients, users, policy);
    AuthorizationResponses responses = new AuthorizationResponses(views);
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
                    .tokenGenerator(tokenGenerator(customizers, rules))
                    .authorizationEndpoint(
                        authorize ->
                            authorize
                                .consentPage(CONSENT_PAGE)
                                .authorizationRequestConverters(
                                    converters ->
                                        converters.replaceAll(
                                            c ->
                                                c
                                                        instanceof
                                                        OAuth2AuthorizationCodeRequestAuthenticationConverter
                                                    ? new AuthorizeRequestConverter(c, clients)
                                                    : c))
                                .authenticationProviders(
                                    providers -> providers.forEach(p -> adapt(p, rules)))
                                .authorizationResponseHandler(responses::sendCode)
                                .errorResponseHandler(responses::sendError))
                    .tokenEndpoint(
                        token ->
                            token
                                .accessTokenResponseHandler(new TokenResponses())
                                .authenticationProviders(
                                    providers ->
                                        providers.replaceAll(
                                            p ->
                                                p
                                                        instanceof
                                                        OAuth2AuthorizationCodeAuthenticationProvider
                                                    ? new DefaultRedirectExchange(p, authorizations)
                                                    : p)))
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
        .addFilterAfter(new ConsentCsrfFilter(AUTHORIZE), CsrfFilter.class)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new SignInEntryPoint()))
        .headers(
            headers ->
                headers
                    .frameOptions(frame -> frame.deny())
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(ConsoleProtection.CONTENT_SECURITY_POLICY)));
    // @formatter:on
    return http.build();
  }

  /** The stock authorize and consent providers, with OAU-2's rules (see {@link AuthorizeRules}). */
  private static void adapt(AuthenticationProvider provider, AuthorizeRules rules) {
    if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider request) {
      request.setAuthenticationValidator(rules.validator());
      request.setAuthorizationConsentRequired(rules::consentRequired);
    } else if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
      consent.setAuthorizationConsentCustomizer(rules::consentMayBeGiven);
    }
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
