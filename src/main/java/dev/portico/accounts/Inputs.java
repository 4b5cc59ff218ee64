package dev.portico.accounts;

/** Patterns shared by the commands of this module. */
final class Inputs {

  /** A practical email address: local part, {@code @}, a dotted domain. */
  static final String EMAIL = "^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$";

  static final String EMAIL_MESSAGE = "must be an email address such as name@example.com";

  /** A lower-case DNS name with at least two labels. */
  static final String DOMAIN =
      "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$";

  static final String DOMAIN_MESSAGE =
      "must be a lower-case host name such as acme.portico.example";

  /**
   * The largest annual allocation override: a trillion calls a year (about 32,000 a second, all
   * year long). Anything above is a typo, and far below what would overflow a counter.
   */
  static final long MAX_ALLOCATION = 1_000_000_000_000L;

  static final String MAX_ALLOCATION_MESSAGE = "must be at most 1,000,000,000,000 calls a year";

  private Inputs() {}
}
