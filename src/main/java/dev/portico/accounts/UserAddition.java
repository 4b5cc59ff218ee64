package dev.portico.accounts;

/**
 * What "Add user" did (TEN-6): created a new user in the company, or — because the email already
 * belongs to a user — invited them. The answer is the same whichever account that user is in.
 */
public sealed interface UserAddition permits UserAddition.Created, UserAddition.Invited {

  /** The email was new: the user now exists, as a member of the company. */
  record Created(User user) implements UserAddition {}

  /** The email belongs to an existing user: they were invited and must accept. */
  record Invited(Invitation invitation) implements UserAddition {}
}
