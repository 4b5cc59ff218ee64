package dev.portico.gateway.internal;

import dev.portico.gateway.GatewaySettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where the upstream proxy sends calls (API-3) and how long it waits: {@code
 * portico.gateway.upstream} and its timeouts and body limit. A call's raw path (with its {@code
 * /api} prefix) and query are appended to the base URL as they came.
 *
 * @param base an absolute {@code http}/{@code https} URL without query or fragment, no trailing
 *     slash
 * @param connectTimeout how long a connection may take to be accepted
 * @param readTimeout the longest silence accepted from the upstream
 * @param maxRequestBody the largest request body forwarded, in bytes
 */
record Upstream(URI base, Duration connectTimeout, Duration readTimeout, long maxRequestBody) {

  Upstream {
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || base.getHost() == null
        || base.getRawQuery() != null
        || base.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "portico.gateway.upstream must be an http(s) URL without query or fragment");
    }
    String text = base.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    base = URI.create(text);
  }

  /** The configured upstream, or null when {@code portico.gateway.upstream} is unset or blank. */
  static @Nullable Upstream of(GatewaySettings settings) {
    URI base = settings.upstream();
    if (base == null || base.toString().isBlank()) {
      return null;
    }
    return new Upstream(
        base,
        settings.upstreamConnectTimeout(),
        settings.upstreamReadTimeout(),
        settings.upstreamMaxRequestBody().toBytes());
  }

  /**
   * The upstream URL of a call: the base, then the raw (still percent-encoded) path and query.
   *
   * @throws IllegalArgumentException if they do not make a valid URI
   */
  URI target(String rawPath, @Nullable String rawQuery) {
    return URI.create(base + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
  }

  /**
   * A {@code Location} of the upstream's own, made relative to Portico so that clients follow it
   * through the proxy and never see the upstream's address; any other location as it was.
   */
  String relocate(String location) {
    String prefix = base.toString();
    if (location.regionMatches(true, 0, prefix, 0, prefix.length())
        && (location.length() == prefix.length()
            || "/?#".indexOf(location.charAt(prefix.length())) >= 0)) {
      String rest = location.substring(prefix.length());
      return rest.isEmpty() || rest.charAt(0) != '/' ? "/" + rest : rest;
    }
    return location;
  }
}
