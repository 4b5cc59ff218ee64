package dev.portico.usage.internal;

import dev.portico.accounts.Account;
import dev.portico.accounts.UserManagement;
import org.springframework.stereotype.Component;

/**
 * Counts an account's {@link Seats} in the database: a company-type account's members (any state)
 * and its full members; an individual account is one user and one full user, its owner.
 */
@Component
public class SeatCounts {

  private static final Seats OWNER = new Seats(1, 1);

  private final UserManagement users;

  SeatCounts(UserManagement users) {
    this.users = users;
  }

  public Seats of(Account account) {
    if (!account.isCompanyType()) {
      return OWNER;
    }
    return new Seats(users.countMembers(account.id()), users.countFullMembers(account.id()));
  }
}
