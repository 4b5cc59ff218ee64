package dev.portico.apikeys;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.Stack;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import java.util.UUID;

/**
 * Who a new key of {@link ApiKeyManagement} may act for (KEY-3) and on which stack it may be
 * created (TEN-4).
 */
final class ApiKeyHolders {

  private final UserManagement users;

  ApiKeyHolders(UserManagement users) {
    this.users = users;
  }

  /**
   * Whether this is a key of the operator's own personal account: the only keys with operator
   * powers.
   */
  static boolean isOperatorsOwn(User user, UUID accountId) {
    return user.operator() && accountId.equals(user.personalAccountId());
  }

  /**
   * The user a key of this account is to act for: the owner of a personal account, or a current,
   * non-operator member of a company; active in either case. Anything else is {@link InvalidInput}
   * on {@code userId}.
   */
  User requireHolder(Account account, UUID userId) {
    User user =
        users
            .user(userId)
            .orElseThrow(() -> InvalidInput.of("userId", "is not a user of this account"));
    boolean belongs =
        account.type() == AccountType.INDIVIDUAL
            ? account.id().equals(user.personalAccountId())
            // The operator never belongs to a company (TEN-6): a company key for them would be a
            // way to act for the operator from a company (KEY-3).
            : account.id().equals(user.companyId()) && !user.operator();
    if (!belongs) {
      throw InvalidInput.of("userId", "is not a user of this account");
    }
    if (!user.isActive()) {
      throw InvalidInput.of("userId", "is suspended: a key for them would not work");
    }
    return user;
  }

  /**
   * On an enterprise's stack (TEN-4) only its members and the operator create keys, and a key acts
   * there only for a member of the enterprise (or is the operator's own, which works on every
   * stack).
   */
  void checkStack(Actor actor, User user, boolean operatorKey, Stack stack) {
    UUID enterprise = stack.enterpriseId();
    if (enterprise == null) {
      return;
    }
    UUID creator = actor.userId();
    boolean creatorMayUseStack =
        creator == null
            || actor.operator()
            || users.user(creator).map(u -> enterprise.equals(u.companyId())).orElse(false);
    boolean keyUserBelongs = operatorKey || enterprise.equals(user.companyId());
    if (!creatorMayUseStack || !keyUserBelongs) {
      throw new NotFound("Account");
    }
  }
}
