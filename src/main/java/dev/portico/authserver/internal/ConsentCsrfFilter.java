package dev.portico.authserver.internal;

import dev.portico.accounts.ConsoleProtection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection of the Authorize application form (OAU-2): a {@code POST /oauth/authorize} must
 * carry the console's CSRF token, or it is refused with 403 and nothing is issued or remembered.
 *
 * <p>The authorization server's configurer exempts all its endpoints from CSRF (clients post to
 * them); the consent form is posted by the user's browser, so it is checked here with the console's
 * token: the same cookie ({@link ConsoleProtection#csrfTokens()}) and the same masking (BREACH), so
 * that the form the console rendered passes. A stock {@link CsrfFilter} does the check; it is
 * wrapped so that the chain's own (exempting) CSRF filter keeps its place and name.
 */
final class ConsentCsrfFilter extends OncePerRequestFilter {

  private final CsrfFilter csrf;

  ConsentCsrfFilter(String authorizationEndpoint) {
    csrf = new CsrfFilter(ConsoleProtection.csrfTokens());
    csrf.setRequireCsrfProtectionMatcher(
        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, authorizationEndpoint));
    csrf.setRequestHandler(new XorCsrfTokenRequestAttributeHandler());
    // Its "already filtered" marker must differ from the chain's own CsrfFilter's.
    csrf.setBeanName(ConsentCsrfFilter.class.getName() + ".csrf");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    csrf.doFilter(request, response, chain);
  }
}
