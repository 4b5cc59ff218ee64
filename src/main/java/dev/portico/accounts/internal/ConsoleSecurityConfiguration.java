package dev.portico.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The console's security: form sign-in, sign-out, CSRF on every form, session fixation protection,
 * and headers that forbid framing and inline scripts. The {@code /api/**} chain is separate.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

  /** Scripts and styles only from Portico itself; never framed. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  /**
   * The console's policy for Swagger UI's pages, and only for them: its bundled logo is an SVG with
   * a {@code <style>} element, allowed by its hash (no {@code 'unsafe-inline'}). A later Swagger UI
   * may change that hash; the page still works, only the logo loses its colours.
   */
  static final String SWAGGER_UI_CONTENT_SECURITY_POLICY =
      CONTENT_SECURITY_POLICY.replace(
          "style-src 'self';",
          "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';");

  static final String LAST_EMAIL = "portico.login.email";

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
  SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleAuthenticationProvider provider)
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
                    .defaultSuccessUrl("/", false)
                    .failureHandler(new RememberEmailFailureHandler()))
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

  /** Sends a failed sign-in back to the form, keeping what the user typed as their email. */
  static final class RememberEmailFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    RememberEmailFailureHandler() {
      super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(
        HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response,
        org.springframework.security.core.AuthenticationException exception)
        throws java.io.IOException, jakarta.servlet.ServletException {
      HttpSession session = request.getSession();
      String email = request.getParameter("email");
      session.setAttribute(
          LAST_EMAIL, email == null ? "" : email.length() > 254 ? email.substring(0, 254) : email);
      session.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, exception);
      getRedirectStrategy().sendRedirect(request, response, "/login?error");
    }
  }
}
