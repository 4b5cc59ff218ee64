package dev.portico.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests whose body a module streams under a limit of its own instead of {@code
 * portico.system.max-request-body} (§14): the gateway's upstream proxy passes bodies through
 * without holding them. {@link RequestBodyLimitFilter} leaves a claimed request alone; the module
 * that claims it must bound its body itself.
 */
@FunctionalInterface
public interface StreamedRequestBodies {

  /**
   * Whether this module streams this request's body and bounds it itself. Asked only of bodies
   * declared larger than the system's limit or sent without a declared length (chunked), before the
   * request reaches its handler.
   */
  boolean claims(HttpServletRequest request);
}
