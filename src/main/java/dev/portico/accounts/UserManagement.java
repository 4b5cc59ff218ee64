package dev.portico.accounts;

import dev.portico.accounts.internal.Accounts;
import dev.portico.accounts.internal.Groups;
import dev.portico.accounts.internal.Users;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import dev.portico.system.InputValidator;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import dev.portico.system.PlainText;
import dev.portico.system.ResultPage;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users (TEN-2, TEN-6): creates them, adds them to companies, changes their role, license, state,
 * name and password, and removes them from companies, keeping at least one active admin per
 * company. An email that already belongs to a user is never attached to a company: it becomes an
 * {@link InvitationManagement invitation}. Callers check who may act with {@link AccountAccess}.
 */
@Service
@Transactional
public class UserManagement {

  private final Accounts accounts;
  private final Users users;
  private final Groups groups;
  private final InvitationManagement invitations;
  private final PasswordEncoder passwords;
  private final InputValidator validator;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final NewUsers newUsers;

  UserManagement(
      Accounts accounts,
      Users users,
      Groups groups,
      InvitationManagement invitations,
      PasswordEncoder passwords,
      InputValidator validator,
      ApplicationEventPublisher events,
      Clock clock,
      NewUsers newUsers) {
    this.accounts = accounts;
    this.users = users;
    this.groups = groups;
    this.invitations = invitations;
    this.passwords = passwords;
    this.validator = validator;
    this.events = events;
    this.clock = clock;
    this.newUsers = newUsers;
  }

  /**
   * Adds a user to a company (TEN-6): creates the user when no one has the email; otherwise invites
   * the existing user, with the same answer whichever account they belong to. Only the operator's
   * email is refused: the operator never joins a company.
   */
  public UserAddition addUser(Actor actor, UUID companyId, NewUser spec) {
    validator.check(spec);
    // the lock serializes additions to this company: one invitation per user, no lost race
    Account company = companyAccountLocked(companyId);
    Role role = spec.role() != null ? spec.role() : Role.MEMBER;
    Optional<User> existing = users.findByEmail(spec.email());
    if (existing.isEmpty()) {
      return new UserAddition.Created(newUsers.insertMember(actor, spec, company.id(), role));
    }
    User user = existing.get();
    if (user.operator()) {
      throw InvalidInput.of("email", "belongs to the platform operator, who cannot join a company");
    }
    if (user.isMemberOf(company.id())) {
      throw InvalidInput.of("email", "is already a member of this company");
    }
    return new UserAddition.Invited(
        invitations.invite(
            actor, company, user, spec.email().strip(), role, spec.requiredLicense()));
  }

  /** Creates a user who belongs to no company (an individual), or the operator. */
  public User createIndividual(Actor actor, NewUser spec, Plan plan, boolean operator) {
    validator.check(spec);
    newUsers.checkEmailFree(spec.email(), "email");
    Account personal = Account.personal(spec.name(), plan, clock.instant());
    accounts.insert(personal);
    return newUsers.insertIndividual(actor, spec, personal, operator);
  }

  /** Changes role, license or state of a member, keeping at least one active admin. */
  public User changeUser(Actor actor, UUID companyId, UUID userId, UserChanges changes) {
    companyAccountLocked(companyId);
    User current = member(companyId, userId);
    User updated = current.with(changes);
    Map<String, String> diff = new LinkedHashMap<>();
    Changes.diff(diff, "role", current.role(), updated.role());
    Changes.diff(diff, "license", current.license(), updated.license());
    Changes.diff(diff, "state", current.state(), updated.state());
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

  /**
   * Removes a user from a company; they keep their personal account. Listeners of {@link
   * UserRemoved} (in the same transaction) revoke what the user held there, such as company keys.
   */
  public void removeFromCompany(Actor actor, UUID companyId, UUID userId) {
    companyAccountLocked(companyId);
    User current = member(companyId, userId);
    users.update(current.leavingCompany());
    groups.removeMember(companyId, userId);
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
    User updated = current.withName(stripped);
    users.update(updated);
    events.publishEvent(
        new UserUpdated(
            actor,
            current.homeAccountId(),
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
    events.publishEvent(
        new UserUpdated(
            actor, user.homeAccountId(), userId, user.email(), Map.of("password", "changed")));
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
        .filter(u -> u.isMemberOf(companyId))
        .orElseThrow(() -> new NotFound("User"));
  }

  @Transactional(readOnly = true)
  public List<User> members(UUID companyId) {
    return users.members(companyId);
  }

  /** How many members the company has, counted in the database. */
  @Transactional(readOnly = true)
  public long countMembers(UUID companyId) {
    return users.countMembers(companyId);
  }

  /**
   * How many members of the company hold a {@code FULL} license, active or suspended (the seats an
   * ENTERPRISE plan counts, USE-1).
   */
  @Transactional(readOnly = true)
  public long countFullMembers(UUID companyId) {
    return users.countFullMembers(companyId);
  }

  /** The company's admins, by name. */
  @Transactional(readOnly = true)
  public List<User> admins(UUID companyId) {
    return users.admins(companyId);
  }

  /**
   * What a member picker offers: at most {@code limit} members matching the text (any, when blank),
   * by name; only active ones if asked.
   */
  @Transactional(readOnly = true)
  public List<User> candidates(UUID companyId, @Nullable String q, boolean activeOnly, int limit) {
    return users.candidates(companyId, q, activeOnly, Math.min(Math.max(limit, 1), 200));
  }

  /**
   * Active, non-light users on the whole platform whose name or email contains the text, by name:
   * whom an application may be transferred to (OWN-1).
   */
  @Transactional(readOnly = true)
  public List<User> transferCandidates(String q, int limit) {
    return users.activeFullUsers(q, Math.min(Math.max(limit, 1), 50));
  }

  /** The users with these ids (those that exist), by name: one query for a whole page. */
  @Transactional(readOnly = true)
  public List<User> users(java.util.Collection<UUID> ids) {
    return users.findAll(ids);
  }

  @Transactional(readOnly = true)
  public ResultPage<User> searchMembers(
      UUID companyId, @Nullable String q, String sort, boolean ascending, ResultPage.Request page) {
    return users.search(companyId, q, sort, ascending, page);
  }

  /** {@link #searchMembers} matching names only: for callers who may not see emails. */
  @Transactional(readOnly = true)
  public ResultPage<User> searchMembersByName(
      UUID companyId, @Nullable String q, ResultPage.Request page) {
    return users.search(companyId, q, false, "name", true, page);
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

  record NameChange(@NotBlank(message = "is required") @Size(max = 100) @PlainText String name) {}

  record PasswordChange(
      @NotBlank(message = "is required")
          @Size(min = 10, max = 128, message = "must be 10 to 128 characters")
          String newPassword) {}
}
