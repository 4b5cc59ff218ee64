package dev.portico.gateway.internal;

import dev.portico.accounts.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which headers cross the upstream proxy (API-3), both ways.
 *
 * <p>To the upstream: the caller's headers, less the hop-by-hop ones (RFC 9110 §7.6.1: {@code
 * Connection} and every header it names, {@code Keep-Alive}, {@code Proxy-*}, {@code TE}, {@code
 * Trailer}, {@code Transfer-Encoding}, {@code Upgrade}), the credential ({@code Authorization}, the
 * signature's {@code On-Nonce}), {@code Cookie}, {@code Host}, {@code Expect}, {@code
 * Content-Length} (the body publisher sets it), any forwarding headers and any {@code X-Portico-*}
 * (a client never forges an identity); then Portico's own: {@code X-Portico-User}, {@code
 * -Account}, {@code -Company}, {@code -Client}, {@code -Scopes} (the OAU-4 bitmask), {@code
 * X-Forwarded-For/-Proto/-Host} as Portico sees the call, and {@code Via}.
 *
 * <p>Back to the caller: the upstream's headers less the hop-by-hop ones, {@code Set-Cookie}
 * (cookies would land on the console's host, where they could replace its session or CSRF cookie)
 * and Portico's own {@code X-Rate-Limit-Remaining}; a {@code Location} on the upstream's own
 * address is made relative, so redirects are followed through Portico.
 */
final class UpstreamHeaders {

  static final String USER = "X-Portico-User";
  static final String ACCOUNT = "X-Portico-Account";
  static final String COMPANY = "X-Portico-Company";
  static final String CLIENT = "X-Portico-Client";
  static final String SCOPES = "X-Portico-Scopes";

  private static final Logger log = LoggerFactory.getLogger(UpstreamHeaders.class);

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade");

  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "authorization",
          "on-nonce",
          "cookie",
          "host",
          "expect",
          "content-length",
          "forwarded",
          "via");

  private static final Set<String> NOT_RETURNED =
      Set.of(
          "set-cookie", "set-cookie2", ApiResponses.RATE_LIMIT_REMAINING.toLowerCase(Locale.ROOT));

  private UpstreamHeaders() {}

  /** The caller's headers that may go upstream, and Portico's identity and forwarding headers. */
  static void forward(HttpServletRequest request, ApiCaller caller, HttpRequest.Builder upstream) {
    Set<String> named = connectionTokens(Collections.list(request.getHeaders("Connection")));
    for (String name : Collections.list(request.getHeaderNames())) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (isHopByHop(lower, named)
          || NOT_FORWARDED.contains(lower)
          || lower.startsWith("x-forwarded-")
          || lower.startsWith("x-portico-")) {
        continue;
      }
      for (String value : Collections.list(request.getHeaders(name))) {
        add(upstream, name, value);
      }
    }
    upstream.header(USER, caller.userId().toString());
    upstream.header(ACCOUNT, caller.accountId().toString());
    UUID company = caller.companyId();
    if (company != null) {
      upstream.header(COMPANY, company.toString());
    }
    String client = caller.clientId();
    if (client != null) {
      upstream.header(CLIENT, client);
    }
    upstream.header(SCOPES, Integer.toString(caller.scopeBits()));
    upstream.header("X-Forwarded-For", request.getRemoteAddr());
    upstream.header("X-Forwarded-Proto", request.getScheme());
    upstream.header("X-Forwarded-Host", host(request));
    String via = request.getHeader("Via");
    upstream.header("Via", (via == null ? "" : via + ", ") + "1.1 portico");
  }

  /** The upstream's headers that may go back to the caller. */
  static void copyBack(HttpHeaders headers, HttpServletResponse response, Upstream upstream) {
    Map<String, List<String>> all = headers.map();
    Set<String> named = connectionTokens(all.getOrDefault("connection", List.of()));
    all.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (name.startsWith(":") || isHopByHop(lower, named) || NOT_RETURNED.contains(lower)) {
            return;
          }
          for (String value : values) {
            response.addHeader(name, lower.equals("location") ? upstream.relocate(value) : value);
          }
        });
  }

  private static boolean isHopByHop(String lower, Set<String> named) {
    return HOP_BY_HOP.contains(lower) || lower.startsWith("proxy-") || named.contains(lower);
  }

  /** The header names a {@code Connection} header lists: hop-by-hop too. */
  private static Set<String> connectionTokens(List<String> values) {
    Set<String> names = new HashSet<>();
    for (String value : values) {
      for (String token : value.split(",")) {
        if (!token.isBlank()) {
          names.add(token.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return names;
  }

  /** The host the caller asked for, as Portico sees it (behind a trusted proxy: its host). */
  private static String host(HttpServletRequest request) {
    int port = request.getServerPort();
    boolean standard =
        port <= 0
            || (port == 80 && "http".equals(request.getScheme()))
            || (port == 443 && "https".equals(request.getScheme()));
    return standard ? request.getServerName() : request.getServerName() + ":" + port;
  }

  /**
   * A header the JDK client refuses (a restricted name, a bad character) is left out, not fatal.
   */
  private static void add(HttpRequest.Builder upstream, String name, String value) {
    try {
      upstream.header(name, value);
    } catch (IllegalArgumentException refused) {
      log.debug("Header {} not forwarded upstream: {}", name, refused.getMessage());
    }
  }
}
