package dev.portico.accounts.internal;

import dev.portico.accounts.ConsoleProtection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's security: form sign-in, sign-out, CSRF on every form, session fixation protection,
 * and headers that forbid framing and inline scripts. The {@code /api/**} chain is separate.
 *
 * <p>An anonymous request never creates a session: the CSRF token is a cookie, the page asked for
 * travels in {@code /login?continue=…}, and a failed sign-in's message in a short-lived cookie. A
 * session is created at sign-in. Redirects are relative ({@code Location: /login}), never built
 * from a host the request names.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY = ConsoleProtection.CONTENT_SECURITY_POLICY;

  /**
   * The console's policy for Swagger UI's pages, and only for them: its bundled logo is an SVG with
   * a {@code <style>} element, allowed by its hash (no {@code 'unsafe-inline'}). A later Swagger UI
   * may change that hash; the page still works, only the logo loses its colours.
   */
  static final String SWAGGER_UI_CONTENT_SECURITY_POLICY =
      CONTENT_SECURITY_POLICY.replace(
          "style-src 'self';",
          "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';");

  private static final RequestMatcher SWAGGER_UI =
      new OrRequestMatcher(
          PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
          PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));

  /**
   * BCrypt at {@code portico.accounts.password-hash-strength} (default 10, the production cost);
   * the test suite lowers it for its fixtures. Hashes carry their cost, so any cost still matches.
   */
  @Bean
  PasswordEncoder passwordEncoder(
      @Value("${portico.accounts.password-hash-strength:10}") int strength) {
    return new DelegatingPasswordEncoder(
        "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
  }

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE - 10)
  SecurityFilterChain consoleSecurity(
      HttpSecurity http,
      ConsoleAuthenticationProvider provider,
      @Value("${server.servlet.session.timeout:8h}") Duration signedInTimeout)
      throws Exception {
    // @formatter:off
    http.authenticationManager(new ProviderManager(provider))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/error",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/ping",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html")
                    .permitAll()
                    .requestMatchers("/operator/**")
                    .hasRole("OPERATOR")
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .usernameParameter("email")
                    .authenticationDetailsSource(ConsoleSignInDetails::of)
                    .successHandler(new ContinueSuccessHandler(signedInTimeout))
                    .failureHandler(new SignInFailureHandler()))
        // No saved request: an anonymous hit must not create a session. The page asked for
        // travels in /login?continue=… instead (validated: relative, same site).
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new ContinueEntryPoint()))
        // The CSRF token lives in a cookie, so the sign-in page needs no session either.
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens())
                    .csrfTokenRequestHandler(new XorCsrfTokenRequestAttributeHandler()))
        .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(
            headers ->
                headers
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(SWAGGER_UI),
                            new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            SWAGGER_UI,
                            new ContentSecurityPolicyHeaderWriter(
                                SWAGGER_UI_CONTENT_SECURITY_POLICY)))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    // @formatter:on
    return http.build();
  }

  static CookieCsrfTokenRepository csrfTokens() {
    return ConsoleProtection.csrfTokens();
  }

  /**
   * Loads the deferred CSRF token on every request, so that its cookie is written with the headers
   * and not after a large page has already been committed.
   */
  static final class CsrfCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }

  /**
   * Sends an anonymous request to the sign-in page, relatively (never a host from the request), and
   * remembers a GET's page in {@code ?continue=} rather than in a session.
   */
  static final class ContinueEntryPoint extends LoginUrlAuthenticationEntryPoint {

    ContinueEntryPoint() {
      super("/login");
      setFavorRelativeUris(true);
    }

    @Override
    protected String determineUrlToUseForThisRequest(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
      if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null) {
        return "/login"; // a form post or an htmx fragment is no page to come back to
      }
      String query = request.getQueryString();
      String page =
          request.getRequestURI().substring(request.getContextPath().length())
              + (query == null ? "" : "?" + query);
      return withContinue("/login", SignInTarget.safe(page));
    }
  }

  /**
   * After sign-in: the validated {@code continue} page or {@code /}, and the signed-in session's
   * lifetime ({@code server.servlet.session.timeout}); a session created before sign-in keeps the
   * short {@code spring.session.timeout}.
   */
  static final class ContinueSuccessHandler extends SimpleUrlAuthenticationSuccessHandler {

    private final Duration signedInTimeout;

    ContinueSuccessHandler(Duration signedInTimeout) {
      super("/");
      this.signedInTimeout = signedInTimeout;
    }

    @Override
    public void onAuthenticationSuccess(
        HttpServletRequest request, HttpServletResponse response, Authentication authentication)
        throws IOException, ServletException {
      request.getSession().setMaxInactiveInterval((int) signedInTimeout.toSeconds());
      super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
      String target = SignInTarget.safe(request.getParameter(SignInTarget.PARAMETER));
      return target == null ? "/" : target;
    }
  }

  /**
   * Sends a failed sign-in back to the form with what the page needs (the lock's minutes, the email
   * as typed) in a short-lived cookie: no session for a failure.
   */
  static final class SignInFailureHandler implements AuthenticationFailureHandler {

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
        throws IOException {
      String email = request.getParameter("email");
      int minutes = exception instanceof SignInThrottled locked ? locked.minutesLeft() : 0;
      SignInFailure.of(minutes, email == null ? "" : email).save(request, response);
      String target = SignInTarget.safe(request.getParameter(SignInTarget.PARAMETER));
      redirects.sendRedirect(request, response, withContinue("/login?error", target));
    }
  }

  static String withContinue(String page, @Nullable String target) {
    if (target == null) {
      return page;
    }
    return page
        + (page.contains("?") ? "&" : "?")
        + SignInTarget.PARAMETER
        + "="
        + URLEncoder.encode(target, StandardCharsets.UTF_8);
  }
}
