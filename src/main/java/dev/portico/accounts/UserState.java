package dev.portico.accounts;

/** Whether a user may sign in and use credentials (TEN-2, KEY-3). */
public enum UserState {
  ACTIVE,
  SUSPENDED
}
