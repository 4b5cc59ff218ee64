package dev.portico.store;

/** Who besides the owner's managers sees a private entry (STO-1, STO-2). */
public enum TeamVisibility {
  /** Nobody else. */
  NONE,
  /** Every active, full member of the owning company. */
  ALL_INTERNAL,
  /** The active, full members of the entry's listed teams. */
  SPECIFIC
}
