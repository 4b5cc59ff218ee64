package dev.portico.accounts;

/** A user's role in their company (TEN-2). */
public enum Role {
  ADMIN,
  MEMBER
}
