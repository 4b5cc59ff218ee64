package dev.portico.usage;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An account's usage reached a threshold of its period's allocation for the first time (USE-5):
 * published once per account, period and threshold, whatever the number of nodes that crossed it,
 * in the transaction that records it. When one flush crosses several thresholds, one event names
 * the highest.
 *
 * @param threshold 25, 50, 75 or 100 (percent)
 * @param periodEnd the last day of the period (inclusive)
 */
public record UsageThresholdReached(
    UUID accountId,
    String accountName,
    LocalDate periodStart,
    LocalDate periodEnd,
    int threshold,
    long used,
    long allocation) {}
