package dev.portico.authserver.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Grant button's link (OAU-5): the app's OAuth URL with {@code redirectOnshapeUri} appended,
 * the page to come back to, as the reference platform sends it. The URL's own query and fragment
 * are kept as they are; the added value is percent-encoded whole, so its {@code :/?&=} can never
 * read as parameters of the app's URL.
 */
final class GrantLinks {

  static final String PARAMETER = "redirectOnshapeUri";

  private GrantLinks() {}

  /** The link, or {@code null} when the app has no OAuth URL a browser may be sent to. */
  static @Nullable String grant(@Nullable String oauthUrl, String returnTo) {
    if (oauthUrl == null || !isWeb(oauthUrl)) {
      return null;
    }
    int hash = oauthUrl.indexOf('#');
    String base = hash < 0 ? oauthUrl : oauthUrl.substring(0, hash);
    String fragment = hash < 0 ? "" : oauthUrl.substring(hash);
    String separator =
        base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
    return base + separator + PARAMETER + "=" + encode(returnTo) + fragment;
  }

  /** Only http(s) URLs become links: never {@code javascript:} or {@code data:}. */
  private static boolean isWeb(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
