package dev.portico.extensions.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The security of the demo extension pages ({@code /demo/extensions/**}, demo mode only): open
 * without a session, because the preview's sandboxed frame carries no cookies and Portico calls the
 * demo action from the server; no CSRF (they change nothing); never a session. Their headers let
 * Portico, and only Portico, frame them. Registered only when {@code portico.demo=true}; otherwise
 * the paths fall to the console's chain and do not exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("portico.demo")
class DemoExtensionPagesSecurityConfiguration {

  /** No scripts at all; styles from Portico; framed only by Portico. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; "
          + "frame-ancestors 'self'";

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE - 20)
  SecurityFilterChain demoExtensionPagesSecurity(HttpSecurity http) throws Exception {
    // @formatter:off
    http.securityMatcher("/demo/extensions/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.sameOrigin())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    // @formatter:on
    return http.build();
  }
}
