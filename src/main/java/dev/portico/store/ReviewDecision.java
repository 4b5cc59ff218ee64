package dev.portico.store;

/** The operator's decision on an entry in review (STO-3): make it public, or return it. */
public enum ReviewDecision {
  APPROVE,
  RETURN
}
