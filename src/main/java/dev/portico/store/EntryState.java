package dev.portico.store;

/** Where an entry is on its way to the store (STO-2, STO-3); new entries are private. */
public enum EntryState {
  PRIVATE,
  IN_REVIEW,
  PUBLIC,
  RETURNED
}
