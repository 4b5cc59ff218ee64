/** Internals of the gateway: filters, providers, nonce store, rate limiter, upstream proxy. */
@NullMarked
package dev.portico.gateway.internal;

import org.jspecify.annotations.NullMarked;
