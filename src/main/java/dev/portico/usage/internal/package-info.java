/** Internals of usage: counters, flush, allocation view, queries. */
@NullMarked
package dev.portico.usage.internal;

import org.jspecify.annotations.NullMarked;
