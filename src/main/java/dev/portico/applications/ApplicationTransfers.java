package dev.portico.applications;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.internal.Applications;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers an application to another owner (OWN-1..4). Callers pass an app they manage ({@link
 * ApplicationAccess#requireManager}). The new owner is a person (their personal account: active,
 * not light) or a company-type account the acting user administers (any, for the operator).
 *
 * <p>Under the app's row lock the owner changes; the admin team (a team of the old owner) is
 * cleared and the app's assignments (the old company's users, teams and groups) are removed, since
 * they name people of an account the app left. Client id, secrets, extensions, grants and
 * collaborator emails stay. After the commit every node drops the app's cached tokens (change feed
 * topic {@code grant} with the app id), so later calls are charged to the new owner (OWN-4); past
 * usage rows are keyed by account and stay with the old one.
 */
@Service
@Transactional
public class ApplicationTransfers {

  private final Applications applications;
  private final AccountManagement accounts;
  private final UserManagement users;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ApplicationTransfers(
      Applications applications,
      AccountManagement accounts,
      UserManagement users,
      ApplicationEventPublisher events,
      Clock clock) {
    this.applications = applications;
    this.accounts = accounts;
    this.users = users;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The account that would own the app, or {@link InvalidInput} on field {@code toUserId} or {@code
   * toAccountId} saying why it cannot.
   *
   * @param operator whether the acting user acts with operator powers
   */
  @Transactional(readOnly = true)
  public Account newOwner(User me, boolean operator, Application app, TransferTarget target) {
    UUID userId = target.toUserId();
    UUID accountId = target.toAccountId();
    if ((userId == null) == (accountId == null)) {
      throw InvalidInput.of(
          "toUserId", "give either a person (toUserId) or a company (toAccountId)");
    }
    Account account = userId != null ? personalAccount(userId) : company(me, operator, accountId);
    if (account.id().equals(app.ownerAccountId())) {
      throw InvalidInput.of(
          userId != null ? "toUserId" : "toAccountId", "already owns this application");
    }
    return account;
  }

  /** Transfers the app; the answer is the app as its new owner sees it. */
  public Application transfer(
      Actor actor, User me, boolean operator, Application app, TransferTarget target) {
    Application locked = applications.lock(app.id()).orElseThrow(() -> new NotFound("Application"));
    Account to = newOwner(me, operator, locked, target);
    accounts.lock(to.id());
    Account from = accounts.account(locked.ownerAccountId()).orElseThrow();
    Instant now = clock.instant();
    applications.changeOwner(locked, to.id(), now);
    events.publishEvent(
        new OwnershipTransferred(
            actor,
            from.id(),
            to.id(),
            locked.id(),
            locked.name(),
            locked.clientId(),
            now,
            Map.of("owner", ownerLabel(from) + " → " + ownerLabel(to))));
    return applications.find(locked.id()).orElseThrow();
  }

  /**
   * People an app may be transferred to: active, non-light users whose name or email contains the
   * text (at least 3 characters), by name, at most {@code limit}.
   */
  @Transactional(readOnly = true)
  public List<User> people(@Nullable String q, int limit) {
    if (q == null || q.strip().length() < 3) {
      return List.of();
    }
    return users.transferCandidates(q.strip(), limit);
  }

  private Account personalAccount(UUID userId) {
    User user = users.user(userId).orElse(null);
    if (user == null) {
      throw InvalidInput.of("toUserId", "no such person");
    }
    if (user.isLight()) {
      throw InvalidInput.of("toUserId", "has a light license: light users cannot own applications");
    }
    if (!user.isActive()) {
      throw InvalidInput.of("toUserId", "is suspended: choose an active person");
    }
    return accounts
        .account(user.personalAccountId())
        .orElseThrow(() -> InvalidInput.of("toUserId", "no such person"));
  }

  private Account company(User me, boolean operator, @Nullable UUID accountId) {
    Account account = accountId == null ? null : accounts.account(accountId).orElse(null);
    User current = users.user(me.id()).filter(User::isActive).orElse(null);
    if (account == null
        || !account.isCompanyType()
        || current == null
        || !((operator && current.operator()) || current.isAdminOf(account.id()))) {
      throw InvalidInput.of("toAccountId", "choose a company or enterprise you administer");
    }
    return account;
  }

  /** How an owner is named on pages and in the audit trail: a company's name, or "Name <email>". */
  @Transactional(readOnly = true)
  public String ownerLabel(Account account) {
    if (account.isCompanyType()) {
      return account.name();
    }
    return accounts
        .owner(account.id())
        .map(u -> u.name() + " <" + u.email() + ">")
        .orElse(account.name());
  }
}
