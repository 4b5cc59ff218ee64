package dev.portico.store;

import java.time.Instant;

/** An entry in the operator's review queue (STO-3): the entry, its owner's name, when it asked. */
public record QueuedEntry(StoreEntry entry, String ownerName, Instant requestedAt) {}
