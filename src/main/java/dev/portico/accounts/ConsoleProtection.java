package dev.portico.accounts;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * What every console page shares, whichever security chain serves it (the console's, or the
 * authorization server's for its Authorize application, oob and error pages): one content security
 * policy and one CSRF token cookie, so a form the console rendered passes on either chain.
 */
public final class ConsoleProtection {

  /** Scripts and styles only from Portico itself; never framed. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  /** The cookie that holds the console's CSRF token (HTTP-only: forms carry the token). */
  public static final String CSRF_COOKIE = "PORTICO_CSRF";

  private ConsoleProtection() {}

  /** The double-submit cookie that holds the CSRF token; forms carry it masked (BREACH). */
  public static CookieCsrfTokenRepository csrfTokens() {
    CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
    tokens.setCookieName(CSRF_COOKIE);
    tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    return tokens;
  }
}
