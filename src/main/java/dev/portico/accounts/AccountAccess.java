package dev.portico.accounts;

import dev.portico.accounts.internal.Accounts;
import dev.portico.accounts.internal.Users;
import dev.portico.system.NotFound;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may manage what (TEN-2, TEN-5): an active admin manages their own company; the operator
 * manages every company. Checks read the current state from the database, so a demoted or suspended
 * admin loses their powers on the next request. Anything a caller may not manage answers {@link
 * NotFound}, exactly like something that does not exist, so ids of other tenants cannot be probed.
 */
@Component
@Transactional(readOnly = true)
public class AccountAccess {

  private final Accounts accounts;
  private final Users users;

  AccountAccess(Accounts accounts, Users users) {
    this.accounts = accounts;
    this.users = users;
  }

  /** The company-type account, if the user may administer it; otherwise {@link NotFound}. */
  public Account requireCompanyAdmin(UUID userId, UUID accountId) {
    return requireCompanyAdmin(userId, accountId, true);
  }

  /**
   * {@link #requireCompanyAdmin(UUID, UUID)} for an API caller: operator powers only when the
   * credential itself carries them (KEY-3: a key of the operator's own personal account), never
   * because the user it acts for happens to be the operator.
   */
  public Account requireCompanyAdmin(ApiCaller caller, AccountRef ref) {
    return requireCompanyAdmin(caller.userId(), resolve(caller.userId(), ref), caller.operator());
  }

  private Account requireCompanyAdmin(UUID userId, UUID accountId, boolean operatorCredential) {
    User user =
        users.find(userId).filter(User::isActive).orElseThrow(() -> new NotFound("Account"));
    Account account =
        accounts
            .find(accountId)
            .filter(Account::isCompanyType)
            .orElseThrow(() -> new NotFound("Account"));
    if ((user.operator() && operatorCredential) || user.isAdminOf(accountId)) {
      return account;
    }
    throw new NotFound("Account");
  }

  /**
   * {@link #requireCompanyAdmin(UUID, UUID)} for the account a REST path names; {@code me} is the
   * personal account, never a company, so it answers {@link NotFound}.
   */
  public Account requireCompanyAdmin(UUID userId, AccountRef ref) {
    return requireCompanyAdmin(userId, resolve(userId, ref));
  }

  /**
   * The account a user may read (SPEC §13): any account for the operator, the user's own personal
   * account, or a company they administer; otherwise {@link NotFound}.
   */
  public Account requireAccountView(UUID userId, UUID accountId) {
    return requireAccountView(userId, accountId, true);
  }

  /** {@link #requireAccountView(UUID, UUID)} for an API caller: operator powers as above. */
  public Account requireAccountView(ApiCaller caller, UUID accountId) {
    return requireAccountView(caller.userId(), accountId, caller.operator());
  }

  private Account requireAccountView(UUID userId, UUID accountId, boolean operatorCredential) {
    User user =
        users.find(userId).filter(User::isActive).orElseThrow(() -> new NotFound("Account"));
    Account account = accounts.find(accountId).orElseThrow(() -> new NotFound("Account"));
    if ((user.operator() && operatorCredential)
        || accountId.equals(user.personalAccountId())
        || (account.isCompanyType() && user.isAdminOf(accountId))) {
      return account;
    }
    throw new NotFound("Account");
  }

  /**
   * The id an {@link AccountRef} of a REST path names: {@code me} is the user's personal account.
   * Says nothing about whether the user may see it.
   */
  public UUID resolve(UUID userId, AccountRef ref) {
    UUID id = ref.id();
    if (id != null) {
      return id;
    }
    return users
        .find(userId)
        .map(User::personalAccountId)
        .orElseThrow(() -> new NotFound("Account"));
  }

  /** Passes only for an operator credential of an active operator; otherwise {@link NotFound}. */
  public User requireOperator(ApiCaller caller) {
    if (!caller.operator()) {
      throw new NotFound("Page");
    }
    return requireOperator(caller.userId());
  }

  /** Passes only for an active operator; otherwise {@link NotFound}. */
  public User requireOperator(UUID userId) {
    return users
        .find(userId)
        .filter(User::isActive)
        .filter(User::operator)
        .orElseThrow(() -> new NotFound("Page"));
  }
}
