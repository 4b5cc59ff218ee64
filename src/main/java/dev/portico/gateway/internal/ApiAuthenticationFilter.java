package dev.portico.gateway.internal;

import dev.portico.accounts.ApiCaller;
import dev.portico.apikeys.ApiKeySecretUnavailable;
import dev.portico.gateway.ApiAuthenticationException;
import dev.portico.gateway.GatewaySettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every {@code /api/**} request (API-1) and applies the short-term rate limit
 * (API-4): converter → manager → on success the {@link ApiCaller} in the security context and
 * {@code X-Rate-Limit-Remaining} on the response; on failure 401 with a reason code (KEY-7).
 */
final class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(ApiAuthenticationFilter.class);

  private final ApiCredentialsConverter converter = new ApiCredentialsConverter();
  private final AuthenticationManager manager;
  private final RateLimiter limiter;
  private final GatewaySettings settings;

  ApiAuthenticationFilter(
      AuthenticationManager manager, RateLimiter limiter, GatewaySettings settings) {
    this.manager = manager;
    this.limiter = limiter;
    this.settings = settings;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication result;
    try {
      result = manager.authenticate(converter.convert(request));
    } catch (AuthenticationException failed) {
      refuse(request, response, failed);
      return;
    } catch (ApiKeySecretUnavailable unavailable) {
      // This node cannot tell right from wrong for this key (logged once by the directory).
      log.warn(
          "API request not answered: 503 {} {}", unavailable.reason(), request.getRequestURI());
      ApiResponses.unavailable(response, unavailable.reason());
      return;
    }
    if (!(result.getPrincipal() instanceof ApiCaller caller)) {
      refuse(
          request,
          response,
          new ApiAuthenticationException(ApiAuthenticationException.INVALID_KEY));
      return;
    }
    RateLimiter.Decision decision = limiter.take(bucket(caller), settings.rateLimitPerMinute());
    response.setHeader(ApiResponses.RATE_LIMIT_REMAINING, Long.toString(decision.remaining()));
    if (!decision.allowed()) {
      ApiResponses.tooManyRequests(response, decision.retryAfterSeconds());
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(result);
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failed)
      throws IOException {
    SecurityContextHolder.clearContext();
    RateLimiter.Decision decision =
        limiter.take("ip:" + request.getRemoteAddr(), settings.unauthenticatedRateLimitPerMinute());
    response.setHeader(ApiResponses.RATE_LIMIT_REMAINING, Long.toString(decision.remaining()));
    if (!decision.allowed()) {
      ApiResponses.tooManyRequests(response, decision.retryAfterSeconds());
      return;
    }
    String reason =
        failed instanceof ApiAuthenticationException api
            ? api.reason()
            : ApiAuthenticationException.INVALID_KEY;
    log.warn("API request refused: 401 {} {}", reason, request.getRequestURI());
    ApiResponses.unauthenticated(response, reason);
  }

  private static String bucket(ApiCaller caller) {
    return caller.keyId() != null
        ? "key:" + caller.keyId()
        : "client:" + caller.clientId() + ":" + caller.userId();
  }
}
