/**
 * The {@code /api/**} security chain (API-1): signed API-key requests, Basic API keys and a slot
 * for Bearer tokens; scope checks; rate limits; the built-in platform endpoints (API-2).
 */
@NullMarked
package dev.portico.gateway;

import org.jspecify.annotations.NullMarked;
