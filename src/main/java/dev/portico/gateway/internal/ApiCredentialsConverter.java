package dev.portico.gateway.internal;

import dev.portico.apikeys.SignedRequest;
import dev.portico.gateway.ApiAuthenticationException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the {@code Authorization} header of an {@code /api/**} request into an unauthenticated
 * {@link ApiCredentialsAuthenticationToken}: {@code On <accessKey>:HmacSHA256:<signature>} (KEY-5),
 * {@code Basic} (KEY-6) or {@code Bearer}. Garbled headers are refused here, before any lookup.
 */
final class ApiCredentialsConverter implements AuthenticationConverter {

  private static final int MAX_HEADER = 8192;

  @Override
  public ApiCredentialsAuthenticationToken convert(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw new ApiAuthenticationException(ApiAuthenticationException.MISSING);
    }
    if (header.length() > MAX_HEADER) {
      throw new ApiAuthenticationException(ApiAuthenticationException.MALFORMED);
    }
    int space = header.indexOf(' ');
    String scheme = space < 0 ? header : header.substring(0, space);
    String value = space < 0 ? "" : header.substring(space + 1).strip();
    ApiCredentialsAuthenticationToken.Presented presented =
        switch (scheme.toLowerCase(java.util.Locale.ROOT)) {
          case "on" -> signed(value, request);
          case "basic" -> basic(value);
          case "bearer" -> bearer(value);
          default -> throw new ApiAuthenticationException(ApiAuthenticationException.UNSUPPORTED);
        };
    return ApiCredentialsAuthenticationToken.unauthenticated(
        presented, request.getHeader(HttpHeaders.HOST));
  }

  private static ApiCredentialsAuthenticationToken.Signed signed(
      String value, HttpServletRequest request) {
    String[] parts = value.split(":", 3);
    if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
      throw new ApiAuthenticationException(ApiAuthenticationException.MALFORMED);
    }
    String query = request.getQueryString();
    return new ApiCredentialsAuthenticationToken.Signed(
        new SignedRequest(
            parts[0],
            parts[1],
            parts[2],
            request.getMethod(),
            orEmpty(request.getHeader("On-Nonce")),
            orEmpty(request.getHeader(HttpHeaders.DATE)),
            orEmpty(request.getHeader(HttpHeaders.CONTENT_TYPE)),
            request.getRequestURI(),
            query == null ? "" : query));
  }

  private static ApiCredentialsAuthenticationToken.Basic basic(String value) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiAuthenticationException(ApiAuthenticationException.MALFORMED);
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0 || colon == decoded.length() - 1) {
      throw new ApiAuthenticationException(ApiAuthenticationException.MALFORMED);
    }
    return new ApiCredentialsAuthenticationToken.Basic(
        decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  private static ApiCredentialsAuthenticationToken.Bearer bearer(String value) {
    if (value.isEmpty()) {
      throw new ApiAuthenticationException(ApiAuthenticationException.MALFORMED);
    }
    return new ApiCredentialsAuthenticationToken.Bearer(value);
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
