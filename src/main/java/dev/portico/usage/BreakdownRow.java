package dev.portico.usage;

/**
 * Counted calls of one value of a breakdown's dimension (USE-6).
 *
 * @param key the application, API key or user id (as text), or the endpoint group's name
 */
public record BreakdownRow(String key, long calls) {}
