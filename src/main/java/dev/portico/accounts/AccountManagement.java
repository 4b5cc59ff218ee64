package dev.portico.accounts;

import dev.portico.accounts.internal.Accounts;
import dev.portico.accounts.internal.Aliases;
import dev.portico.accounts.internal.Teams;
import dev.portico.accounts.internal.Users;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import dev.portico.system.InputValidator;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts module's application service: creates and changes accounts, users, teams and
 * aliases, enforces TEN-1..3 (one company per user, at least one admin, teams and aliases within
 * one company) and publishes an event for every change. Callers check who may act with {@link
 * AccountAccess}.
 */
@Service
@Transactional
public class AccountManagement {

  private final Accounts accounts;
  private final Users users;
  private final Teams teams;
  private final Aliases aliases;
  private final PasswordEncoder passwords;
  private final InputValidator validator;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AccountManagement(
      Accounts accounts,
      Users users,
      Teams teams,
      Aliases aliases,
      PasswordEncoder passwords,
      InputValidator validator,
      ApplicationEventPublisher events,
      Clock clock) {
    this.accounts = accounts;
    this.users = users;
    this.teams = teams;
    this.aliases = aliases;
    this.passwords = passwords;
    this.validator = validator;
    this.events = events;
    this.clock = clock;
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
    checkEmailFree(firstUser.email(), "admin.email");
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
      insertUser(actor, firstUser, account.id(), Role.ADMIN, false);
    } else {
      insertIndividual(actor, firstUser, account, false);
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

  /** The user whose personal (individual) account this is; empty for company-type accounts. */
  @Transactional(readOnly = true)
  public Optional<User> owner(UUID accountId) {
    return users.findByPersonalAccount(accountId);
  }

  @Transactional(readOnly = true)
  public ResultPage<Account> searchAccounts(
      @Nullable AccountType type, @Nullable String q, ResultPage.Request page) {
    return accounts.search(type, q, page);
  }

  // ---------------------------------------------------------------- users

  /**
   * Adds a user to a company: a new user (with their personal account), or an existing user who
   * belongs to no company yet.
   */
  public User addUser(Actor actor, UUID companyId, NewUser spec) {
    validator.check(spec);
    Account company = companyAccount(companyId);
    Role role = spec.role() != null ? spec.role() : Role.MEMBER;
    Optional<User> existing = users.findByEmail(spec.email());
    if (existing.isEmpty()) {
      return insertUser(actor, spec, company.id(), role, false);
    }
    User user = existing.get();
    if (user.companyId() != null) {
      throw InvalidInput.of(
          "email",
          user.companyId().equals(company.id())
              ? "is already a member of this company"
              : "belongs to another company");
    }
    User joined =
        new User(
            user.id(),
            user.email(),
            user.name(),
            spec.requiredLicense(),
            user.state(),
            user.operator(),
            user.personalAccountId(),
            company.id(),
            role,
            user.createdAt());
    users.update(joined);
    events.publishEvent(
        new UserAdded(
            actor,
            company.id(),
            joined.id(),
            joined.email(),
            Map.of("role", role.name(), "license", spec.requiredLicense().name())));
    return joined;
  }

  /** Creates a user who belongs to no company (an individual), or the operator. */
  public User createIndividual(Actor actor, NewUser spec, Plan plan, boolean operator) {
    validator.check(spec);
    checkEmailFree(spec.email(), "email");
    Account personal = personalAccountFor(spec.name(), plan);
    accounts.insert(personal);
    return insertIndividual(actor, spec, personal, operator);
  }

  /** Changes role, license or state of a member, keeping at least one active admin. */
  public User changeUser(Actor actor, UUID companyId, UUID userId, UserChanges changes) {
    companyAccountLocked(companyId);
    User current = member(companyId, userId);
    User updated =
        new User(
            current.id(),
            current.email(),
            current.name(),
            changes.license() != null ? changes.license() : current.license(),
            changes.state() != null ? changes.state() : current.state(),
            current.operator(),
            current.personalAccountId(),
            current.companyId(),
            changes.role() != null ? changes.role() : current.role(),
            current.createdAt());
    Map<String, String> diff = new LinkedHashMap<>();
    diff(diff, "role", current.role(), updated.role());
    diff(diff, "license", current.license(), updated.license());
    diff(diff, "state", current.state(), updated.state());
    if (diff.isEmpty()) {
      return current;
    }
    users.update(updated);
    requireAnAdmin(
        companyId,
        current.role() == Role.ADMIN && !updated.isAdminOf(companyId) ? "role" : "state");
    events.publishEvent(new UserUpdated(actor, companyId, updated.id(), updated.email(), diff));
    return updated;
  }

  /** Removes a user from a company; they keep their personal account. */
  public void removeFromCompany(Actor actor, UUID companyId, UUID userId) {
    companyAccountLocked(companyId);
    User current = member(companyId, userId);
    User left =
        new User(
            current.id(),
            current.email(),
            current.name(),
            current.license(),
            current.state(),
            current.operator(),
            current.personalAccountId(),
            null,
            null,
            current.createdAt());
    users.update(left);
    teams.removeMember(companyId, userId);
    aliases.removeMember(companyId, userId);
    if (users.countActiveAdmins(companyId) == 0) {
      throw new Conflict(
          "A company must keep at least one active admin: make another user admin first.");
    }
    events.publishEvent(new UserRemoved(actor, companyId, current.id(), current.email(), Map.of()));
  }

  /** Changes the caller's own display name. */
  public User changeName(Actor actor, UUID userId, String name) {
    validator.check(new NameChange(name));
    User current = users.find(userId).orElseThrow(() -> new NotFound("User"));
    String stripped = name.strip();
    if (stripped.equals(current.name())) {
      return current;
    }
    User updated =
        new User(
            current.id(),
            current.email(),
            stripped,
            current.license(),
            current.state(),
            current.operator(),
            current.personalAccountId(),
            current.companyId(),
            current.role(),
            current.createdAt());
    users.update(updated);
    UUID accountId =
        current.companyId() != null ? current.companyId() : current.personalAccountId();
    events.publishEvent(
        new UserUpdated(
            actor,
            accountId,
            userId,
            current.email(),
            Map.of("name", current.name() + " → " + stripped)));
    return updated;
  }

  /** Changes the caller's own console password after checking the current one. */
  public void changePassword(Actor actor, UUID userId, String currentPassword, String newPassword) {
    validator.check(new PasswordChange(newPassword));
    User user = users.find(userId).orElseThrow(() -> new NotFound("User"));
    String hash = users.passwordHash(user.email()).orElse(null);
    if (hash == null || !passwords.matches(currentPassword, hash)) {
      throw InvalidInput.of("currentPassword", "is not your current password");
    }
    users.updatePassword(userId, Objects.requireNonNull(passwords.encode(newPassword)));
    UUID accountId = user.companyId() != null ? user.companyId() : user.personalAccountId();
    events.publishEvent(
        new UserUpdated(actor, accountId, userId, user.email(), Map.of("password", "changed")));
  }

  @Transactional(readOnly = true)
  public Optional<User> user(UUID userId) {
    return users.find(userId);
  }

  @Transactional(readOnly = true)
  public Optional<User> userByEmail(String email) {
    return users.findByEmail(email);
  }

  /** A member of the company; ids of users elsewhere find nothing. */
  @Transactional(readOnly = true)
  public User member(UUID companyId, UUID userId) {
    return users
        .find(userId)
        .filter(u -> companyId.equals(u.companyId()))
        .orElseThrow(() -> new NotFound("User"));
  }

  @Transactional(readOnly = true)
  public List<User> members(UUID companyId) {
    return users.members(companyId);
  }

  @Transactional(readOnly = true)
  public ResultPage<User> searchMembers(
      UUID companyId, @Nullable String q, String sort, boolean ascending, ResultPage.Request page) {
    return users.search(companyId, q, sort, ascending, page);
  }

  // ---------------------------------------------------------------- teams

  public Team createTeam(Actor actor, UUID companyId, TeamDraft draft) {
    Account company = companyAccount(companyId);
    UUID id = UUID.randomUUID();
    checkTeam(company.id(), id, draft);
    Team team =
        new Team(id, company.id(), draft.name().strip(), draft.memberIds(), clock.instant());
    uniqueName(() -> teams.insert(team), "another team has this name");
    events.publishEvent(
        new TeamCreated(
            actor, company.id(), id, team.name(), Map.of("members", emails(team.memberIds()))));
    return team;
  }

  public Team updateTeam(Actor actor, UUID companyId, UUID teamId, TeamDraft draft) {
    Team current = team(companyId, teamId);
    checkTeam(companyId, teamId, draft);
    Team updated =
        new Team(teamId, companyId, draft.name().strip(), draft.memberIds(), current.createdAt());
    Map<String, String> diff = new LinkedHashMap<>();
    diff(diff, "name", current.name(), updated.name());
    diff(diff, "members", emails(current.memberIds()), emails(updated.memberIds()));
    if (!diff.isEmpty()) {
      uniqueName(() -> teams.update(updated), "another team has this name");
      events.publishEvent(new TeamUpdated(actor, companyId, teamId, updated.name(), diff));
    }
    return updated;
  }

  public void deleteTeam(Actor actor, UUID companyId, UUID teamId) {
    Team team = team(companyId, teamId);
    teams.delete(teamId);
    events.publishEvent(new TeamDeleted(actor, companyId, teamId, team.name(), Map.of()));
  }

  @Transactional(readOnly = true)
  public Team team(UUID companyId, UUID teamId) {
    return teams.find(companyId, teamId).orElseThrow(() -> new NotFound("Team"));
  }

  @Transactional(readOnly = true)
  public List<Team> teams(UUID companyId) {
    return teams.list(companyId);
  }

  /** One page of the company's teams, by name. */
  @Transactional(readOnly = true)
  public ResultPage<Team> teams(UUID companyId, ResultPage.Request page) {
    return teams.page(companyId, page);
  }

  // ---------------------------------------------------------------- aliases

  public Alias createAlias(Actor actor, UUID companyId, AliasDraft draft) {
    Account company = companyAccount(companyId);
    UUID id = UUID.randomUUID();
    checkAlias(company.id(), id, draft);
    Alias alias =
        new Alias(
            id,
            company.id(),
            draft.name().strip(),
            draft.memberIds(),
            draft.teamIds(),
            clock.instant());
    uniqueName(() -> aliases.insert(alias), "another alias has this name");
    events.publishEvent(
        new AliasCreated(
            actor,
            company.id(),
            id,
            alias.name(),
            Map.of(
                "members",
                emails(alias.memberIds()),
                "teams",
                teamNames(company.id(), alias.teamIds()))));
    return alias;
  }

  public Alias updateAlias(Actor actor, UUID companyId, UUID aliasId, AliasDraft draft) {
    Alias current = alias(companyId, aliasId);
    checkAlias(companyId, aliasId, draft);
    Alias updated =
        new Alias(
            aliasId,
            companyId,
            draft.name().strip(),
            draft.memberIds(),
            draft.teamIds(),
            current.createdAt());
    Map<String, String> diff = new LinkedHashMap<>();
    diff(diff, "name", current.name(), updated.name());
    diff(diff, "members", emails(current.memberIds()), emails(updated.memberIds()));
    diff(
        diff,
        "teams",
        teamNames(companyId, current.teamIds()),
        teamNames(companyId, updated.teamIds()));
    if (!diff.isEmpty()) {
      uniqueName(() -> aliases.update(updated), "another alias has this name");
      events.publishEvent(new AliasUpdated(actor, companyId, aliasId, updated.name(), diff));
    }
    return updated;
  }

  public void deleteAlias(Actor actor, UUID companyId, UUID aliasId) {
    Alias alias = alias(companyId, aliasId);
    aliases.delete(aliasId);
    events.publishEvent(new AliasDeleted(actor, companyId, aliasId, alias.name(), Map.of()));
  }

  @Transactional(readOnly = true)
  public Alias alias(UUID companyId, UUID aliasId) {
    return aliases.find(companyId, aliasId).orElseThrow(() -> new NotFound("Alias"));
  }

  @Transactional(readOnly = true)
  public List<Alias> aliases(UUID companyId) {
    return aliases.list(companyId);
  }

  /** One page of the company's aliases, by name. */
  @Transactional(readOnly = true)
  public ResultPage<Alias> aliases(UUID companyId, ResultPage.Request page) {
    return aliases.page(companyId, page);
  }

  // ---------------------------------------------------------------- helpers

  private User insertUser(Actor actor, NewUser spec, UUID companyId, Role role, boolean operator) {
    checkEmailFree(spec.email(), "email");
    Account personal = personalAccountFor(spec.name(), Plan.FREE);
    accounts.insert(personal);
    User user =
        new User(
            UUID.randomUUID(),
            spec.email().strip(),
            spec.name().strip(),
            spec.requiredLicense(),
            UserState.ACTIVE,
            operator,
            personal.id(),
            companyId,
            role,
            clock.instant());
    users.insert(user, encode(spec.password()));
    events.publishEvent(
        new UserAdded(
            actor,
            companyId,
            user.id(),
            user.email(),
            Map.of("role", role.name(), "license", spec.requiredLicense().name())));
    return user;
  }

  private User insertIndividual(Actor actor, NewUser spec, Account personal, boolean operator) {
    User user =
        new User(
            UUID.randomUUID(),
            spec.email().strip(),
            spec.name().strip(),
            spec.requiredLicense(),
            UserState.ACTIVE,
            operator,
            personal.id(),
            null,
            null,
            clock.instant());
    users.insert(user, encode(spec.password()));
    events.publishEvent(
        new UserAdded(
            actor,
            personal.id(),
            user.id(),
            user.email(),
            operator ? Map.of("operator", "true") : Map.of()));
    return user;
  }

  private Account personalAccountFor(String name, Plan plan) {
    return new Account(
        UUID.randomUUID(),
        AccountType.INDIVIDUAL,
        name.strip(),
        plan,
        null,
        today(),
        null,
        clock.instant());
  }

  private @Nullable String encode(@Nullable String password) {
    return password == null || password.isEmpty() ? null : passwords.encode(password);
  }

  private Account companyAccount(UUID companyId) {
    return accounts
        .find(companyId)
        .filter(Account::isCompanyType)
        .orElseThrow(() -> new NotFound("Account"));
  }

  private Account companyAccountLocked(UUID companyId) {
    return accounts
        .lock(companyId)
        .filter(Account::isCompanyType)
        .orElseThrow(() -> new NotFound("Account"));
  }

  private void requireAnAdmin(UUID companyId, String field) {
    if (users.countActiveAdmins(companyId) == 0) {
      // The transaction rolls back: nothing of the change is kept.
      throw InvalidInput.of(
          field, "A company must keep at least one active admin: make another user admin first.");
    }
  }

  /**
   * Two admins creating the same name at once: the database's unique key decides, as a field error.
   */
  private static void uniqueName(Runnable write, String message) {
    try {
      write.run();
    } catch (org.springframework.dao.DuplicateKeyException raced) {
      throw InvalidInput.of("name", message);
    }
  }

  private void checkEmailFree(String email, String field) {
    if (users.findByEmail(email).isPresent()) {
      throw InvalidInput.of(field, "is already registered");
    }
  }

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

  private void checkTeam(UUID companyId, UUID teamId, TeamDraft draft) {
    validator.check(draft);
    if (teams.nameTaken(companyId, draft.name().strip(), teamId)) {
      throw InvalidInput.of("name", "another team has this name");
    }
    checkMembers(companyId, draft.memberIds(), "memberIds");
  }

  private void checkAlias(UUID companyId, UUID aliasId, AliasDraft draft) {
    validator.check(draft);
    if (aliases.nameTaken(companyId, draft.name().strip(), aliasId)) {
      throw InvalidInput.of("name", "another alias has this name");
    }
    checkMembers(companyId, draft.memberIds(), "memberIds");
    for (UUID teamId : draft.teamIds()) {
      if (teams.find(companyId, teamId).isEmpty()) {
        throw InvalidInput.of("teamIds", "holds a team that is not in this company");
      }
    }
  }

  private void checkMembers(UUID companyId, Set<UUID> memberIds, String field) {
    long inCompany =
        users.findAll(memberIds).stream().filter(u -> companyId.equals(u.companyId())).count();
    if (inCompany != memberIds.size()) {
      throw InvalidInput.of(field, "holds a user who is not a member of this company");
    }
  }

  private String emails(Set<UUID> userIds) {
    return String.join(", ", users.findAll(userIds).stream().map(User::email).sorted().toList());
  }

  private String teamNames(UUID companyId, Set<UUID> teamIds) {
    return String.join(
        ", ",
        teamIds.stream()
            .map(id -> teams.find(companyId, id).map(Team::name).orElse(id.toString()))
            .sorted()
            .toList());
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
    if (!Objects.equals(before, after)) {
      diff.put(field, (before == null ? "—" : before) + " → " + (after == null ? "—" : after));
    }
  }

  record NameChange(
      @jakarta.validation.constraints.NotBlank(message = "is required")
          @jakarta.validation.constraints.Size(max = 100)
          @dev.portico.system.PlainText
          String name) {}

  record PasswordChange(
      @jakarta.validation.constraints.NotBlank(message = "is required")
          @jakarta.validation.constraints.Size(
              min = 10,
              max = 128,
              message = "must be 10 to 128 characters")
          String newPassword) {}
}
