package dev.portico.extensions.internal;

import dev.portico.accounts.ConsoleProtection;
import dev.portico.accounts.ConsoleUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The one {@code /api/**} request a console session authenticates (EXT-5): {@code GET
 * /api/extensions}, what the console's own pages ask to show a user their extensions. Everywhere
 * else under {@code /api/**} sessions are no API credentials (API-1): this chain matches that one
 * method and path exactly and comes before the gateway's, which refuses a session on every other.
 *
 * <p>It reads the signed-in console user from the session and never creates one; anonymous requests
 * (or any other principal) get 401 with a problem body, never a redirect to the sign-in page. No
 * CSRF token: the chain takes only a {@code GET}, which changes nothing. The console's headers
 * apply (CSP, no framing).
 */
@Configuration(proxyBeanMethods = false)
class ExtensionsSessionSecurity {

  static final String PATH = "/api/extensions";

  /** A problem (RFC 9457) that also carries the gateway's {@code message} and {@code reason}. */
  static final String UNAUTHENTICATED =
      "{\"type\":\"https://portico.dev/problems/unauthenticated\",\"title\":\"Unauthenticated\","
          + "\"status\":401,\"detail\":\"GET /api/extensions takes a console session: sign in to"
          + " the console first.\",\"message\":\"Unauthenticated API request\","
          + "\"reason\":\"console_session_required\"}";

  @Bean
  @Order(0) // before the gateway's /api/** chain (@Order(1))
  SecurityFilterChain extensionsSessionChain(HttpSecurity http) throws Exception {
    // @formatter:off
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, PATH))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .authorizeHttpRequests(
            requests ->
                requests
                    .anyRequest()
                    .access(
                        (authentication, context) ->
                            new AuthorizationDecision(
                                authentication.get() != null
                                    && authentication.get().isAuthenticated()
                                    && authentication.get().getPrincipal() instanceof ConsoleUser)))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint((request, response, e) -> unauthenticated(response))
                    .accessDeniedHandler((request, response, e) -> unauthenticated(response)))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(ConsoleProtection.CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    // @formatter:on
    return http.build();
  }

  private static void unauthenticated(HttpServletResponse response) throws IOException {
    response.setStatus(401);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(UNAUTHENTICATED);
  }
}
