package dev.portico.support;

import dev.portico.accounts.ConsoleProtection;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Gives every test the console's real CSRF token repository back. Spring Security's MockMvc {@code
 * csrf()} replaces the repository of the matching chain's {@link CsrfFilter} for good, with one
 * that keeps tokens in the HTTP session; in the shared context, later real HTTP requests then got
 * session tokens on console pages that the authorization server's consent check (cookie tokens)
 * refused — a test that passed alone failed after any MockMvc console test.
 */
public final class RealCsrfTokens implements BeforeEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    ApplicationContext spring = SpringExtension.getApplicationContext(context);
    for (FilterChainProxy proxy : spring.getBeansOfType(FilterChainProxy.class).values()) {
      for (SecurityFilterChain chain : proxy.getFilterChains()) {
        chain.getFilters().stream()
            .filter(CsrfFilter.class::isInstance)
            .forEach(RealCsrfTokens::restore);
      }
    }
  }

  private static void restore(Object filter) {
    Object repository = ReflectionTestUtils.getField(filter, "tokenRepository");
    if (repository != null
        && repository.getClass().getSimpleName().equals("TestCsrfTokenRepository")) {
      ReflectionTestUtils.setField(filter, "tokenRepository", ConsoleProtection.csrfTokens());
    }
  }
}
