package dev.portico.accounts;

/**
 * The {@link dev.portico.system.ChangeFeed} topics the accounts module records, for the caches of
 * other modules that hold a snapshot of a user or an account (API keys, Bearer tokens).
 */
public final class AccountTopics {

  /**
   * A user changed (state, role, license, name, password), joined or left a company; the subject is
   * the user's id.
   */
  public static final String USER = "user";

  /** An account was renamed; the subject is the account's id. */
  public static final String ACCOUNT = "account";

  private AccountTopics() {}
}
