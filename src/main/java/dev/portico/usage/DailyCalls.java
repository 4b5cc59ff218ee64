package dev.portico.usage;

import java.time.LocalDate;

/** Counted calls of one day (USE-6's chart). */
public record DailyCalls(LocalDate date, long calls) {}
