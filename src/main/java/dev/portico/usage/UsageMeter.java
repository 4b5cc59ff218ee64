package dev.portico.usage;

import dev.portico.accounts.ApiCaller;

/**
 * The gateway's side of metering (USE-2..4, USE-7), called on the hot path of every {@code /api/**}
 * call: no database round trip in the steady state. Implemented in {@code usage.internal}.
 */
public interface UsageMeter {

  /**
   * Whether this caller's calls count (USE-2) and its account's allocation is used up, as this node
   * sees it (its own pending counts plus the flushed total, refreshed each window): the call is
   * then refused with 402.
   */
  boolean exhausted(ApiCaller caller);

  /**
   * Counts one answered call if it counts (USE-2: 2xx/3xx, an API key or a private app's token, not
   * the operator's own calls), charged to {@link ApiCaller#accountId()} (USE-3), in the endpoint
   * group the gateway matched.
   */
  void count(ApiCaller caller, String endpointGroup, int status);
}
