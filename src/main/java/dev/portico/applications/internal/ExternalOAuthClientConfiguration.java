package dev.portico.applications.internal;

import dev.portico.accounts.ConsoleProtection;
import dev.portico.accounts.UserManagement;
import dev.portico.system.CheckedDnsResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.client.RestClient;

/**
 * Portico as an OAuth 2 client of apps' own servers (APP-6), on Spring Security's OAuth 2 client
 * (no Boot auto-configuration): a security chain for {@code /my/external-access/**} (the Grant
 * link, answered by the stock redirect filter with {@link ExternalGrantRequests}) and {@code
 * /external-oauth/**} (the callback, answered by the stock authorization-code filter), ordered
 * before the console's chain and sharing its session-held sign-in, CSRF cookie and headers; and the
 * {@link OAuth2AuthorizedClientManager} that refreshes tokens ({@link ExternalTokenRefresh}).
 *
 * <p>Authorization requests (state, PKCE verifier) live in the console session (Spring Session
 * JDBC, so any node can take the callback); tokens in {@link ExternalTokenService}. Calls to the
 * token endpoint follow no redirects and give up after {@value #CONNECT_SECONDS} s to connect and
 * {@value #READ_SECONDS} s to answer.
 */
@Configuration(proxyBeanMethods = false)
class ExternalOAuthClientConfiguration {

  /** The Grant links: {@code /my/external-access/{appId}/grant}. */
  static final String GRANT_BASE = "/my/external-access/";

  static final int CONNECT_SECONDS = 10;
  static final int READ_SECONDS = 30;

  /**
   * Whether token endpoints may be on loopback, private or link-local addresses: the same switch as
   * extension actions, since both are URLs an app's developer chose that Portico calls.
   */
  private final boolean allowPrivateAddresses;

  ExternalOAuthClientConfiguration(
      @Value("${portico.extensions.actions.allow-private-addresses:false}")
          boolean allowPrivateAddresses) {
    this.allowPrivateAddresses = allowPrivateAddresses;
  }

  @Bean
  OAuth2AuthorizedClientManager externalClientManager(
      ExternalClientRegistrations registrations, ExternalTokenService service, Clock clock) {
    RestClientRefreshTokenTokenResponseClient refreshes =
        new RestClientRefreshTokenTokenResponseClient();
    refreshes.setRestClient(tokenEndpointClient());
    AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
        new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, service);
    manager.setAuthorizedClientProvider(
        OAuth2AuthorizedClientProviderBuilder.builder()
            .authorizationCode()
            .refreshToken(
                refresh ->
                    refresh
                        .accessTokenResponseClient(refreshes)
                        .clockSkew(ClientExternalAccess.CLOCK_SKEW)
                        .clock(clock))
            .build());
    return manager;
  }

  @Bean
  @Order(3)
  SecurityFilterChain externalOAuthSecurity(
      HttpSecurity http,
      ExternalClientRegistrations registrations,
      ExternalTokenService service,
      ClientExternalAccess access,
      UserManagement users)
      throws Exception {
    RestClientAuthorizationCodeTokenResponseClient codes =
        new RestClientAuthorizationCodeTokenResponseClient();
    codes.setRestClient(tokenEndpointClient());
    // @formatter:off
    http.securityMatcher(GRANT_BASE + "**", ExternalClientRegistrations.CALLBACK_PATH + "**")
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .oauth2Client(
            client ->
                client
                    .clientRegistrationRepository(registrations)
                    .authorizedClientRepository(new ExternalGrantRecorder(service, access, users))
                    .authorizationCodeGrant(
                        code ->
                            code.authorizationRequestResolver(
                                    new ExternalGrantRequests(registrations, access))
                                .accessTokenResponseClient(codes)))
        // No saved request: after the code exchange the filter sends the user to the callback
        // path itself, where the console says how it went.
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new SignInEntryPoint()))
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(ConsoleProtection.csrfTokens())
                    .csrfTokenRequestHandler(new XorCsrfTokenRequestAttributeHandler()))
        .headers(
            headers ->
                headers
                    .frameOptions(frame -> frame.deny())
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(ConsoleProtection.CONTENT_SECURITY_POLICY))
                    // The callback URL holds a code: never send it on as a referrer.
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    // @formatter:on
    return http.build();
  }

  /**
   * The token endpoint's client: Spring's converters and error handler, with time limits, no
   * redirects, and the host's resolved addresses checked like an action's ({@link
   * CheckedDnsResolver}): an app's token URL cannot make Portico post to an internal address.
   */
  RestClient tokenEndpointClient() {
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new CheckedDnsResolver(allowPrivateAddresses))
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofSeconds(CONNECT_SECONDS))
                    .setSocketTimeout(Timeout.ofSeconds(READ_SECONDS))
                    .build())
            .build();
    CloseableHttpClient client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAutomaticRetries()
            .build();
    HttpComponentsClientHttpRequestFactory requests =
        new HttpComponentsClientHttpRequestFactory(client);
    requests.setReadTimeout(Duration.ofSeconds(READ_SECONDS));
    return RestClient.builder()
        .requestFactory(requests)
        .configureMessageConverters(
            converters ->
                converters
                    .addCustomConverter(new FormHttpMessageConverter())
                    .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
        .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
        .build();
  }

  /**
   * Sends an anonymous Grant to the console's sign-in page and back ({@code continue}, relative:
   * never a host the request names); an anonymous callback only to the sign-in page.
   */
  static final class SignInEntryPoint extends LoginUrlAuthenticationEntryPoint {

    SignInEntryPoint() {
      super("/login");
      setFavorRelativeUris(true);
    }

    @Override
    protected String determineUrlToUseForThisRequest(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (!"GET".equals(request.getMethod()) || !path.startsWith(GRANT_BASE)) {
        return "/login";
      }
      return "/login?continue=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
  }
}
