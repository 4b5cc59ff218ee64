package dev.portico.applications;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.internal.Applications;
import dev.portico.applications.internal.Assignments;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.system.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shares a company's applications with its users, teams and aliases (SPEC §8); who it is shared
 * with and whether a user may use it are {@link ApplicationAssignments}'. Who may share is {@link
 * ApplicationAccess}'s (managers); callers pass an application they were allowed to manage.
 *
 * <p>Rules: only a company's applications are shared; every id must be a current member, team or
 * alias of that company, checked under the company's lock (the lock under which users leave it);
 * light users are refused when named, and skipped (with a count) when a team or alias holds them
 * (SHR-2). Each change publishes {@link ApplicationAssignmentAdded} or {@link
 * ApplicationAssignmentRemoved} in its transaction; a removal names the users who lost access
 * through it, so that the authorization server can revoke their grants.
 */
@Service
@Transactional
public class ApplicationSharing {

  private final Assignments assignments;
  private final Applications applications;
  private final AccountManagement accounts;
  private final UserManagement users;
  private final GroupManagement groups;
  private final ApplicationAssignments assigned;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final SharingChecks checks;

  ApplicationSharing(
      Assignments assignments,
      Applications applications,
      AccountManagement accounts,
      UserManagement users,
      GroupManagement groups,
      ApplicationAssignments assigned,
      ApplicationEventPublisher events,
      Clock clock) {
    this.assignments = assignments;
    this.applications = applications;
    this.accounts = accounts;
    this.users = users;
    this.groups = groups;
    this.assigned = assigned;
    this.events = events;
    this.clock = clock;
    this.checks = new SharingChecks(users, groups);
  }

  /**
   * Shares the application with the users, teams and aliases (SHR-1, SHR-2). Nothing is added when
   * one id breaks a rule; targets already assigned stay as they were.
   */
  public AssignmentResult assign(Actor actor, Application app, AssignmentSelection wanted) {
    Account company = assigned.requireCompany(app);
    checks.checkSize(wanted);
    if (wanted.isEmpty()) {
      throw InvalidInput.of("userIds", "name at least one user, team or alias to add");
    }
    accounts.lock(company.id());
    Application locked = lock(app, company);
    List<FieldViolation> violations = new ArrayList<>();
    List<User> members = checks.checkUsers(company, wanted.userIds(), violations);
    Map<UUID, String> teams =
        checks.checkGroups(GroupKind.TEAM, company, wanted.teamIds(), violations);
    Map<UUID, String> aliases =
        checks.checkGroups(GroupKind.ALIAS, company, wanted.aliasIds(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    Instant now = clock.instant();
    List<Assignment> added = new ArrayList<>();
    for (User user : members) {
      if (assignments.insert(locked.id(), AssignmentKind.USER, user.id(), now, actor.userId())) {
        added.add(
            new Assignment(AssignmentKind.USER, user.id(), user.name(), user.email(), null, now));
        publishAdded(actor, locked, AssignmentKind.USER, user.id(), user.email(), Map.of());
      }
    }
    Set<UUID> skipped = new HashSet<>();
    addGroups(actor, company, locked, AssignmentKind.TEAM, teams, now, added, skipped);
    addGroups(actor, company, locked, AssignmentKind.ALIAS, aliases, now, added, skipped);
    return new AssignmentResult(added, skipped.size());
  }

  /**
   * Stops sharing the application with one user, team or alias; empty if it was not shared with it.
   * The event names the users who lost access: those the target reached whom no other assignment of
   * the application reaches.
   */
  public Optional<AssignmentRemoval> unassign(
      Actor actor, Application app, AssignmentKind kind, UUID targetId) {
    Account company = assigned.requireCompany(app);
    accounts.lock(company.id());
    return remove(actor, company, lock(app, company), kind, targetId);
  }

  /** {@link #unassign(Actor, Application, AssignmentKind, UUID)} for several; how many were. */
  public int unassign(Actor actor, Application app, AssignmentSelection selection) {
    Account company = assigned.requireCompany(app);
    checks.checkSize(selection);
    accounts.lock(company.id());
    Application locked = lock(app, company);
    int removed = 0;
    for (AssignmentKind kind : AssignmentKind.values()) {
      for (UUID id : selection.ids(kind)) {
        removed += remove(actor, company, locked, kind, id).isPresent() ? 1 : 0;
      }
    }
    return removed;
  }

  /**
   * The creator of a company's application is in its list from the start (SHR-1), if they are an
   * active, non-light member of the company (an operator who registers for a company is not).
   */
  void assignCreator(ApplicationRegistered event) {
    UUID userId = event.actor().userId();
    Account owner = accounts.account(event.accountId()).filter(Account::isCompanyType).orElse(null);
    if (userId == null || owner == null) {
      return;
    }
    Optional<User> creator =
        users.user(userId).filter(u -> u.isMemberOf(owner.id()) && u.isActive() && !u.isLight());
    Application app = applications.find(event.applicationId()).orElse(null);
    if (creator.isEmpty() || app == null) {
      return;
    }
    User user = creator.get();
    if (assignments.insert(app.id(), AssignmentKind.USER, user.id(), clock.instant(), userId)) {
      publishAdded(event.actor(), app, AssignmentKind.USER, user.id(), user.email(), Map.of());
    }
  }

  /**
   * A user left the company: their direct assignments to its applications go (the lock is held).
   */
  void removeLeaver(Actor actor, UUID companyId, UUID userId, String email) {
    for (UUID applicationId : assignments.directlyAssigned(companyId, userId)) {
      Application app = applications.find(applicationId).orElse(null);
      if (app != null && assignments.delete(app.id(), AssignmentKind.USER, userId)) {
        publishRemoved(actor, app, AssignmentKind.USER, userId, email, Set.of(userId));
      }
    }
  }

  /**
   * A team or alias was deleted: its assignments go with it. Its members lost access with the group
   * itself (every answer of {@link #mayUse} reads the groups as they are); the accounts event does
   * not name them, so no removal event is published here.
   */
  void removeDeletedGroup(GroupKind kind, UUID groupId) {
    assignments.deleteTarget(AssignmentKind.of(kind), groupId);
  }

  private Optional<AssignmentRemoval> remove(
      Actor actor, Account company, Application app, AssignmentKind kind, UUID targetId) {
    if (assignments.assignedAmong(app.id(), kind, Set.of(targetId)).isEmpty()) {
      return Optional.empty();
    }
    Set<UUID> reached =
        switch (kind) {
          case USER -> Set.of(targetId);
          case TEAM -> groups.userIdsIn(company.id(), Set.of(targetId), Set.of());
          case ALIAS -> groups.userIdsIn(company.id(), Set.of(), Set.of(targetId));
        };
    String name = checks.targetName(company, kind, targetId);
    assignments.delete(app.id(), kind, targetId);
    Set<UUID> lost = lostAccess(company, app, reached);
    publishRemoved(actor, app, kind, targetId, name, lost);
    return Optional.of(new AssignmentRemoval(kind, targetId, name, lost));
  }

  /** Those reached who are no longer reached by what stays assigned. */
  private Set<UUID> lostAccess(Account company, Application app, Set<UUID> reached) {
    if (reached.isEmpty()) {
      return Set.of();
    }
    Map<AssignmentKind, Set<UUID>> remaining = assignments.targets(app.id());
    Set<UUID> covered = new HashSet<>(remaining.getOrDefault(AssignmentKind.USER, Set.of()));
    covered.addAll(
        groups.userIdsIn(
            company.id(),
            remaining.getOrDefault(AssignmentKind.TEAM, Set.of()),
            remaining.getOrDefault(AssignmentKind.ALIAS, Set.of())));
    Set<UUID> lost = new HashSet<>(reached);
    lost.removeAll(covered);
    return lost;
  }

  private void addGroups(
      Actor actor,
      Account company,
      Application app,
      AssignmentKind kind,
      Map<UUID, String> named,
      Instant now,
      List<Assignment> added,
      Set<UUID> skipped) {
    for (Map.Entry<UUID, String> group : named.entrySet()) {
      if (!assignments.insert(app.id(), kind, group.getKey(), now, actor.userId())) {
        continue;
      }
      Set<UUID> members =
          kind == AssignmentKind.TEAM
              ? groups.userIdsIn(company.id(), Set.of(group.getKey()), Set.of())
              : groups.userIdsIn(company.id(), Set.of(), Set.of(group.getKey()));
      Set<UUID> light = checks.lightAmong(members);
      skipped.addAll(light);
      added.add(new Assignment(kind, group.getKey(), group.getValue(), null, null, now));
      publishAdded(
          actor,
          app,
          kind,
          group.getKey(),
          group.getValue(),
          light.isEmpty() ? Map.of() : Map.of("skippedLightMembers", String.valueOf(light.size())));
    }
  }

  private Application lock(Application app, Account company) {
    return applications
        .lock(app.id())
        .filter(a -> a.ownerAccountId().equals(company.id()))
        .orElseThrow(() -> new NotFound("Application"));
  }

  private void publishAdded(
      Actor actor,
      Application app,
      AssignmentKind kind,
      UUID targetId,
      String targetName,
      Map<String, String> diff) {
    events.publishEvent(
        new ApplicationAssignmentAdded(
            actor,
            app.ownerAccountId(),
            app.id(),
            app.name(),
            app.clientId(),
            kind,
            targetId,
            targetName,
            diff));
  }

  private void publishRemoved(
      Actor actor,
      Application app,
      AssignmentKind kind,
      UUID targetId,
      String targetName,
      Set<UUID> lost) {
    events.publishEvent(
        new ApplicationAssignmentRemoved(
            actor,
            app.ownerAccountId(),
            app.id(),
            app.name(),
            app.clientId(),
            kind,
            targetId,
            targetName,
            lost,
            Map.of("usersLosingAccess", String.valueOf(lost.size()))));
  }
}
