package dev.portico.extensions.internal;

import dev.portico.extensions.internal.ActionCallFailed.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Which redirects an action call follows (EXT-4: no redirects to other hosts). */
final class RedirectRule {

  private static final Pattern LOCALHOST =
      Pattern.compile("localhost|127\\.0\\.0\\.1|\\[::1]", Pattern.CASE_INSENSITIVE);

  private RedirectRule() {}

  /**
   * Where a redirect may go: the same host as the original call (by name: {@code localhost} and
   * {@code 127.0.0.1} are different hosts), on https, or on http when the original call was to
   * http://localhost (development).
   */
  static URI next(URI original, URI current, String location) throws ActionCallFailed {
    URI next;
    try {
      next = current.resolve(new URI(location));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw ActionHttpClient.refused(
          Reason.REDIRECT_REFUSED, current, "The action redirected to an invalid URL.");
    }
    String host = next.getHost();
    if (host == null
        || next.getRawUserInfo() != null
        || !host.equalsIgnoreCase(original.getHost())) {
      throw ActionHttpClient.refused(
          Reason.REDIRECT_REFUSED,
          current,
          "Refused: the action redirected to another host; Portico follows redirects only to the"
              + " same host.");
    }
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    boolean developmentHttp =
        scheme.equals("http")
            && "http".equalsIgnoreCase(original.getScheme())
            && LOCALHOST.matcher(original.getHost()).matches();
    if (!scheme.equals("https") && !developmentHttp) {
      throw ActionHttpClient.refused(
          Reason.REDIRECT_REFUSED, current, "Refused: the action redirected away from https.");
    }
    return next;
  }
}
