package dev.portico.accounts;

import dev.portico.accounts.internal.Accounts;
import dev.portico.accounts.internal.Users;
import dev.portico.system.Actor;
import dev.portico.system.InputValidator;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts (TEN-1, TEN-4, TEN-5): creates them with their first user, changes name, plan,
 * allocation and stack domain, and publishes an event for every change. Users are managed by {@link
 * UserManagement}, teams and aliases by {@link GroupManagement}. Callers check who may act with
 * {@link AccountAccess}.
 */
@Service
@Transactional
public class AccountManagement {

  private final Accounts accounts;
  private final Users owners;
  private final UserManagement users;
  private final InputValidator validator;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final NewUsers newUsers;

  AccountManagement(
      Accounts accounts,
      Users owners,
      UserManagement users,
      InputValidator validator,
      ApplicationEventPublisher events,
      Clock clock,
      NewUsers newUsers) {
    this.accounts = accounts;
    this.owners = owners;
    this.users = users;
    this.validator = validator;
    this.events = events;
    this.clock = clock;
    this.newUsers = newUsers;
  }

  // ---------------------------------------------------------------- accounts

  /**
   * Creates an account with its first user: the first admin of a company-type account, or the owner
   * of an individual account (whose personal account it then is).
   */
  public Account createAccount(Actor actor, NewAccount spec, NewUser firstUser) {
    List<InvalidInput.FieldViolation> violations = new java.util.ArrayList<>();
    collect(violations, "", spec);
    collect(violations, "admin.", firstUser);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    checkDomain(spec.requiredType(), spec.domain(), null);
    newUsers.checkEmailFree(firstUser.email(), "admin.email");
    Instant now = clock.instant();
    Account account =
        new Account(
            UUID.randomUUID(),
            spec.requiredType(),
            spec.name().strip(),
            spec.requiredPlan(),
            spec.domain(),
            spec.allocationStart() != null ? spec.allocationStart() : today(),
            spec.allocationOverride(),
            now);
    accounts.insert(account);
    events.publishEvent(
        new AccountCreated(
            actor,
            account.id(),
            account.name(),
            Map.of("type", account.type().name(), "plan", account.plan().name())));
    if (account.isCompanyType()) {
      newUsers.insertMember(actor, firstUser, account.id(), Role.ADMIN);
    } else {
      newUsers.insertIndividual(actor, firstUser, account, false);
    }
    return account;
  }

  public Account updateAccount(Actor actor, UUID accountId, AccountChanges changes) {
    validator.check(changes);
    Account current = accounts.lock(accountId).orElseThrow(() -> new NotFound("Account"));
    String domain = changes.domain() != null ? changes.domain() : current.domain();
    checkDomain(current.type(), domain, current.id());
    Long override =
        changes.clearAllocationOverride()
            ? null
            : changes.allocationOverride() != null
                ? changes.allocationOverride()
                : current.allocationOverride();
    Account updated =
        new Account(
            current.id(),
            current.type(),
            changes.name() != null ? changes.name().strip() : current.name(),
            changes.plan() != null ? changes.plan() : current.plan(),
            domain,
            changes.allocationStart() != null
                ? changes.allocationStart()
                : current.allocationStart(),
            override,
            current.createdAt());
    Map<String, String> diff = new LinkedHashMap<>();
    diff(diff, "name", current.name(), updated.name());
    diff(diff, "plan", current.plan(), updated.plan());
    diff(diff, "domain", current.domain(), updated.domain());
    diff(diff, "allocationStart", current.allocationStart(), updated.allocationStart());
    diff(diff, "allocationOverride", current.allocationOverride(), updated.allocationOverride());
    if (!diff.isEmpty()) {
      accounts.update(updated);
      events.publishEvent(new AccountUpdated(actor, updated.id(), updated.name(), diff));
    }
    return updated;
  }

  /**
   * Locks the account's row until the caller's transaction ends, so that rules counting what the
   * account holds (the individual API-key cap, KEY-1) hold under concurrent requests too.
   */
  public Account lock(UUID accountId) {
    return accounts.lock(accountId).orElseThrow(() -> new NotFound("Account"));
  }

  @Transactional(readOnly = true)
  public Optional<Account> account(UUID accountId) {
    return accounts.find(accountId);
  }

  /** Those of the accounts that exist, in one query (a page's owners). */
  @Transactional(readOnly = true)
  public List<Account> accounts(Collection<UUID> accountIds) {
    return accounts.findAll(accountIds);
  }

  /** The user whose personal (individual) account this is; empty for company-type accounts. */
  @Transactional(readOnly = true)
  public Optional<User> owner(UUID accountId) {
    return owners.findByPersonalAccount(accountId);
  }

  @Transactional(readOnly = true)
  public ResultPage<Account> searchAccounts(
      @Nullable AccountType type, @Nullable String q, ResultPage.Request page) {
    return accounts.search(type, q, page);
  }

  // ---------------------------------------------------------------- helpers

  private void checkDomain(AccountType type, @Nullable String domain, @Nullable UUID self) {
    if (type == AccountType.ENTERPRISE && (domain == null || domain.isBlank())) {
      throw InvalidInput.of("domain", "is required for an enterprise (its stack's host name)");
    }
    if (type != AccountType.ENTERPRISE && domain != null && !domain.isBlank()) {
      throw InvalidInput.of("domain", "only enterprises have their own stack domain");
    }
    if (domain != null
        && accounts.findByDomain(domain).filter(a -> !a.id().equals(self)).isPresent()) {
      throw InvalidInput.of("domain", "is used by another enterprise");
    }
  }

  private void collect(List<InvalidInput.FieldViolation> into, String prefix, Object command) {
    try {
      validator.check(command);
    } catch (InvalidInput e) {
      e.violations()
          .forEach(v -> into.add(new InvalidInput.FieldViolation(prefix + v.field(), v.message())));
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static void diff(
      Map<String, String> diff, String field, @Nullable Object before, @Nullable Object after) {
    Changes.diff(diff, field, before, after);
  }
}
