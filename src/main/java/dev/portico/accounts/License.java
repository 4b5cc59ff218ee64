package dev.portico.accounts;

/** A user's license (TEN-2); light users have restricted access to apps. */
public enum License {
  FULL,
  LIGHT
}
