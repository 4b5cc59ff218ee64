package dev.portico.gateway.internal;

import dev.portico.accounts.ApiCaller;
import dev.portico.apikeys.ApiKeySecretUnavailable;
import dev.portico.gateway.ApiAuthenticationException;
import dev.portico.usage.UsageMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every {@code /api/**} request (API-1), in this order:
 *
 * <ol>
 *   <li>the converter reads the credentials; the manager verifies the signature or secret, the key,
 *       its user and its stack (KEY-3..6) — failures are 401 with a reason code (KEY-7), counted
 *       against the client address's limit (in this node's memory); a database that cannot answer
 *       for what is not cached is 503 {@code credential_store_unavailable}, counted the same way;
 *   <li>the short-term rate limit of the credential in the call's endpoint group ({@link
 *       RateLimits}, {@link EndpointGroups}, API-4, USE-4): {@code X-Rate-Limit-Remaining} on every
 *       answer, 429 with {@code Retry-After} over the limit; shared buckets that cannot be read or
 *       written are 503 {@code rate_limit_store_unavailable} (fail closed);
 *   <li>for a signed request only, the nonce's first use on every node ({@link NonceStore}, KEY-5):
 *       a replay is 401 {@code replayed_nonce}; no clear answer from the store is 503 {@code
 *       nonce_store_unavailable} — never accepted;
 *   <li>the allocation (USE-4): a counted caller whose account has used it up is 402;
 *   <li>the {@link ApiCaller} in the security context, and the handler;
 *   <li>metering (USE-2, USE-7): a 2xx/3xx answer is counted in memory ({@link UsageMeter}).
 * </ol>
 *
 * Rate limiting comes before the nonce write so that calls over the limit cost no database write
 * and do not spend their nonce.
 */
final class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(ApiAuthenticationFilter.class);

  private static final long OUTAGE_LOG_EVERY_NANOS = 10_000_000_000L;

  private final AtomicLong lastOutageLogged = new AtomicLong();
  private final ApiCredentialsConverter converter = new ApiCredentialsConverter();
  private final AuthenticationManager manager;
  private final RateLimits limits;
  private final NonceStore nonces;
  private final EndpointGroups groups;
  private final UsageMeter meter;

  ApiAuthenticationFilter(
      AuthenticationManager manager,
      RateLimits limits,
      NonceStore nonces,
      EndpointGroups groups,
      UsageMeter meter) {
    this.manager = manager;
    this.limits = limits;
    this.nonces = nonces;
    this.groups = groups;
    this.meter = meter;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ApiCredentialsAuthenticationToken presented;
    Authentication result;
    try {
      presented = converter.convert(request);
      result = manager.authenticate(presented);
    } catch (AuthenticationException failed) {
      refuse(request, response, failed);
      return;
    } catch (ApiKeySecretUnavailable unavailable) {
      // This node cannot tell right from wrong for this key (logged once by the directory).
      log.warn(
          "API request not answered: 503 {} {}", unavailable.reason(), request.getRequestURI());
      unavailable(request, response, unavailable.reason());
      return;
    } catch (DataAccessException unavailable) {
      // a key, user or stack not cached and the database down: not the client's fault, not a 500
      if (shouldLogOutage()) {
        log.warn(
            "API request refused: 503, cannot check the credentials: {}", unavailable.toString());
      }
      unavailable(request, response, ApiResponses.CREDENTIAL_STORE_UNAVAILABLE);
      return;
    }
    if (!(result.getPrincipal() instanceof ApiCaller caller)) {
      refuse(
          request,
          response,
          new ApiAuthenticationException(ApiAuthenticationException.INVALID_KEY));
      return;
    }
    String group = groups.of(request);
    RateLimiter.Decision decision = limits.take(caller, group);
    response.setHeader(ApiResponses.RATE_LIMIT_REMAINING, Long.toString(decision.remaining()));
    if (decision.verdict() == RateLimiter.Verdict.UNAVAILABLE) {
      SecurityContextHolder.clearContext(); // PostgresRateLimiter logs the outage, every 10 s
      ApiResponses.serviceUnavailable(response, RateLimits.STORE_UNAVAILABLE);
      return;
    }
    if (!decision.allowed()) {
      ApiResponses.tooManyRequests(response, decision.retryAfterSeconds());
      return;
    }
    if (presented.presented() instanceof ApiCredentialsAuthenticationToken.Signed signed) {
      NonceStore.Use use = nonces.firstUse(signed.request().accessKey(), signed.request().nonce());
      if (use == NonceStore.Use.REPLAYED) {
        refuse(
            request,
            response,
            new ApiAuthenticationException(ApiAuthenticationException.REPLAYED_NONCE));
        return;
      }
      if (use != NonceStore.Use.FIRST) {
        SecurityContextHolder.clearContext();
        // the store logs the outage itself, at most every 10 s: no line per refused request here
        log.debug(
            "API request refused: 503 {} {}",
            ApiResponses.NONCE_STORE_UNAVAILABLE,
            request.getRequestURI());
        ApiResponses.serviceUnavailable(response, ApiResponses.NONCE_STORE_UNAVAILABLE);
        return;
      }
    }
    if (meter.exhausted(caller)) {
      SecurityContextHolder.clearContext();
      ApiResponses.paymentRequired(response);
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(result);
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
      // only an answer that returned normally: an exception becomes a 5xx after this filter
      meter.count(caller, group, response.getStatus());
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failed)
      throws IOException {
    SecurityContextHolder.clearContext();
    RateLimiter.Decision decision = limits.takeForAddress(request.getRemoteAddr());
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

  /** 503 before the caller is known: counted against the client address, like a failure. */
  private void unavailable(HttpServletRequest request, HttpServletResponse response, String reason)
      throws IOException {
    SecurityContextHolder.clearContext();
    RateLimiter.Decision decision = limits.takeForAddress(request.getRemoteAddr());
    response.setHeader(ApiResponses.RATE_LIMIT_REMAINING, Long.toString(decision.remaining()));
    if (!decision.allowed()) {
      ApiResponses.tooManyRequests(response, decision.retryAfterSeconds());
      return;
    }
    ApiResponses.serviceUnavailable(response, reason);
  }

  private boolean shouldLogOutage() {
    long now = System.nanoTime();
    long last = lastOutageLogged.get();
    return (last == 0 || now - last >= OUTAGE_LOG_EVERY_NANOS)
        && lastOutageLogged.compareAndSet(last, now);
  }
}
