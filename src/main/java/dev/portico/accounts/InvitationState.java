package dev.portico.accounts;

/** Where an invitation (TEN-6) stands. */
public enum InvitationState {
  PENDING,
  ACCEPTED,
  DECLINED,
  WITHDRAWN,
  EXPIRED
}
