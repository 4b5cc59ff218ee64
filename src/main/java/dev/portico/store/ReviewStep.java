package dev.portico.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step of an entry's review history (STO-3): the owner asked for publication, or the operator
 * approved or returned it ({@code comments} are the operator's, on a return only).
 */
public record ReviewStep(Kind kind, @Nullable String comments, String actorEmail, Instant at) {

  /** What happened. Stored by name: never rename one. */
  public enum Kind {
    REQUESTED,
    APPROVED,
    RETURNED
  }
}
