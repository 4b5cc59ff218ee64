package dev.portico.gateway.internal;

import dev.portico.system.StreamedRequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * Maps every {@code /api/**} call to the {@link UpstreamProxy} when an upstream is configured — as
 * the last of the dispatcher's handler mappings, so that every Portico endpoint wins: a path a
 * controller has (even with another method, which stays a 405) never reaches the upstream. Without
 * an upstream it maps nothing, and such paths answer 404 as before.
 *
 * <p>It also claims, for the proxy, the bodies of the calls it would map ({@link
 * StreamedRequestBodies}): asked only of large or chunked bodies, it asks the mappings before it
 * whether one of them takes the call, as the dispatcher will.
 */
@Component
class UpstreamHandlerMapping extends AbstractHandlerMapping implements StreamedRequestBodies {

  private final UpstreamProxy proxy;
  private final ObjectProvider<HandlerMapping> all;
  private volatile @Nullable List<HandlerMapping> mappings;

  UpstreamHandlerMapping(UpstreamProxy proxy, ObjectProvider<HandlerMapping> all) {
    this.proxy = proxy;
    this.all = all;
    setOrder(Ordered.LOWEST_PRECEDENCE);
  }

  @Override
  protected @Nullable Object getHandlerInternal(HttpServletRequest request) {
    return proxy.enabled() && isApi(request) ? proxy : null;
  }

  @Override
  public boolean claims(HttpServletRequest request) {
    if (!proxy.enabled() || !isApi(request)) {
      return false;
    }
    Object parsedPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
    Object lookupPath = request.getAttribute(UrlPathHelper.PATH_ATTRIBUTE);
    try {
      ServletRequestPathUtils.parseAndCache(request);
      return !anotherTakes(request);
    } catch (Exception refused) {
      // a mapping before this one knows the path (405, 415…): a Portico endpoint, not proxied
      return false;
    } finally {
      request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsedPath);
      request.setAttribute(UrlPathHelper.PATH_ATTRIBUTE, lookupPath);
    }
  }

  /**
   * Whether a mapping other than this one takes the call: all come before it (it is the last), and
   * the Spring container leaves a bean out of its own {@code ObjectProvider}.
   */
  private boolean anotherTakes(HttpServletRequest request) throws Exception {
    List<HandlerMapping> others = mappings;
    if (others == null) {
      others = all.orderedStream().filter(mapping -> mapping != this).toList();
      mappings = others;
    }
    for (HandlerMapping mapping : others) {
      if (mapping.getHandler(request) != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }
}
