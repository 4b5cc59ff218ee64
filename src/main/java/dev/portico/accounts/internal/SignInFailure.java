package dev.portico.accounts.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * What the sign-in page shows after a failed sign-in: the one message of wrong credentials, or the
 * lock's minutes, and the email as typed. It travels in a short-lived cookie scoped to {@code
 * /login}, read once, so that a failed sign-in needs no server session. The cookie holds only a
 * number and the typed email, never a message: the page composes the text itself.
 *
 * @param minutesLocked {@code 0} for wrong credentials, else minutes until the lock ends
 * @param email the email as typed, at most 254 characters
 */
public record SignInFailure(int minutesLocked, String email) {

  static final String COOKIE = "PORTICO_SIGN_IN";

  private static final Duration LIFETIME = Duration.ofMinutes(2);
  private static final int MAX_MINUTES = 7 * 24 * 60;
  private static final int MAX_EMAIL = 254;

  /** The text shown on the sign-in page. */
  public String message() {
    return minutesLocked > 0
        ? "Too many failed sign-ins. Try again in " + minutesLocked + " minute(s)."
        : ConsoleAuthenticationProvider.WRONG_CREDENTIALS;
  }

  /** Reads the failure of the last sign-in, if any, and deletes its cookie. */
  public static Optional<SignInFailure> take(
      HttpServletRequest request, HttpServletResponse response) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        write(request, response, "", Duration.ZERO);
        return decode(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  void save(HttpServletRequest request, HttpServletResponse response) {
    String value = minutesLocked + ":" + email;
    write(
        request,
        response,
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(value.getBytes(StandardCharsets.UTF_8)),
        LIFETIME);
  }

  static SignInFailure of(int minutesLocked, String email) {
    String typed = email.length() > MAX_EMAIL ? email.substring(0, MAX_EMAIL) : email;
    return new SignInFailure(Math.max(0, Math.min(minutesLocked, MAX_MINUTES)), typed);
  }

  static Optional<SignInFailure> decode(String value) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
      int colon = text.indexOf(':');
      if (colon < 1 || colon > 6) {
        return Optional.empty();
      }
      return Optional.of(of(Integer.parseInt(text.substring(0, colon)), text.substring(colon + 1)));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private static void write(
      HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
    ResponseCookie cookie =
        ResponseCookie.from(COOKIE, value)
            .path("/login")
            .maxAge(maxAge)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }
}
