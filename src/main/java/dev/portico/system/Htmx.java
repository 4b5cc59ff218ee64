package dev.portico.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What an htmx request asks of a console page: one fragment of it (a table body, a tab, a list of
 * options) or the whole page. Every console controller that answers both asks here, so the rule is
 * the same everywhere.
 *
 * @see <a href="https://htmx.org/reference/#request_headers">htmx request headers</a>
 */
public final class Htmx {

  private Htmx() {}

  /**
   * Whether the request came from htmx and wants a fragment rather than the page. A history restore
   * ({@code HX-History-Restore-Request}: the user went back to a page htmx no longer has in its
   * cache) swaps the whole body, so it gets the whole page.
   */
  public static boolean isPartial(HttpServletRequest request) {
    return "true".equals(request.getHeader("HX-Request"))
        && !"true".equals(request.getHeader("HX-History-Restore-Request"));
  }

  /** The fragment for a partial request, otherwise the page. */
  public static String view(HttpServletRequest request, String page, String fragment) {
    return isPartial(request) ? page + " :: " + fragment : page;
  }
}
