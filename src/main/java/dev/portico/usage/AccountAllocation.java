package dev.portico.usage;

import java.util.UUID;

/** An account's current period and the number of counted calls it may make in it (USE-1). */
public record AccountAllocation(UUID accountId, AllocationPeriod period, long allocation) {}
