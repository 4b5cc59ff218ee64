/**
 * API usage (USE-1..7): plans and annual allocations, metering of counted calls in memory with
 * batched flushes, the allocation check (402), thresholds (USE-5, decided in the database and
 * published as {@link dev.portico.usage.UsageThresholdReached}), usage queries, the usage page and
 * its REST endpoint.
 */
@NullMarked
package dev.portico.usage;

import org.jspecify.annotations.NullMarked;
