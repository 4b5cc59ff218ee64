package dev.portico.notifications.internal;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Who is told about an account's affairs (USE-5, APP-3): every active admin of a company-type
 * account, or the owner of an individual account. Members, light users and other tenants never are.
 */
@Component
class Recipients {

  private final AccountManagement accounts;
  private final UserManagement users;

  Recipients(AccountManagement accounts, UserManagement users) {
    Assert.notNull(accounts, "accounts cannot be null");
    Assert.notNull(users, "users cannot be null");
    this.accounts = accounts;
    this.users = users;
  }

  /** The account, or empty when it no longer exists. */
  Optional<Account> account(UUID accountId) {
    return accounts.account(accountId);
  }

  /** The people who administer the account: its admins, or the individual who owns it. */
  List<User> administratorsOf(Account account) {
    List<User> found =
        account.isCompanyType()
            ? users.admins(account.id())
            : accounts.owner(account.id()).map(List::of).orElse(List.of());
    return found.stream().filter(User::isActive).toList();
  }

  Optional<User> user(UUID userId) {
    return users.user(userId).filter(User::isActive);
  }
}
