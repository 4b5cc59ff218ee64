package dev.portico.notifications.internal;

/** Where an email of the outbox stands (NOT-1, NOT-2). */
public enum EmailState {
  /** To be sent: by the next node that claims it once it is due. */
  PENDING,
  /** Accepted by the SMTP server. */
  SENT,
  /** Kept, not sent: no SMTP server was configured when it was written (NOT-2). */
  HELD
}
