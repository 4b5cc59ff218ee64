/** Internals of the gateway: filters, providers, nonce store, rate limiter. */
@NullMarked
package dev.portico.gateway.internal;

import org.jspecify.annotations.NullMarked;
