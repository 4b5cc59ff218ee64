package dev.portico.applications;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.User;
import dev.portico.accounts.UserGroupIds;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.internal.Assignments;
import dev.portico.system.Conflict;
import dev.portico.system.ResultPage;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a company's application is shared with, and the public question other modules ask: "may user
 * U use app A?" (SHR-3). Changes are {@link ApplicationSharing}'s.
 */
@Service
@Transactional(readOnly = true)
public class ApplicationAssignments {

  private final Assignments assignments;
  private final AccountManagement accounts;
  private final UserManagement users;
  private final GroupManagement groups;
  private final UseAnswers answers;
  private final ObjectProvider<ApplicationUseSource> sources;

  ApplicationAssignments(
      Assignments assignments,
      AccountManagement accounts,
      UserManagement users,
      GroupManagement groups,
      UseAnswers answers,
      ObjectProvider<ApplicationUseSource> sources) {
    this.assignments = assignments;
    this.accounts = accounts;
    this.users = users;
    this.groups = groups;
    this.answers = answers;
    this.sources = sources;
  }

  /**
   * Whether the user may use the application (SHR-3): an active, non-light member of the owning
   * company to whom it is assigned directly, through one of their teams, or through an alias that
   * holds them or one of their teams, or to whom an {@link ApplicationUseSource} (the store's
   * subscriptions) allows it. Each node keeps an answer for at most {@code
   * portico.applications.cache-expiry} (5 s), so a change made on another node (a user added to an
   * assigned team, an assignment removed) shows within that bound; changes made on this node evict
   * the answers they touch at once. Applications of individuals are shared with no one: always
   * false.
   */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public boolean mayUse(UUID userId, UUID applicationId) {
    return answers.get(userId, applicationId, () -> decide(userId, applicationId));
  }

  /**
   * One page, by name, of the applications the user may use through an assignment (SHR-3: their
   * company's apps assigned to them directly, through a team or an alias), leaving out the excluded
   * ids (those the user already granted, for My account → Applications). Empty for a user who may
   * use none this way: no company, light, or not active.
   */
  public ResultPage<ApplicationCard> assignedTo(
      User user, Collection<UUID> excluded, ResultPage.Request page) {
    UUID company = user.companyId();
    if (company == null || !user.isActive() || user.isLight()) {
      return new ResultPage<>(List.of(), page.page(), page.size(), 0);
    }
    UserGroupIds held = groups.groupIdsHoldingUser(company, user.id());
    return assignments.assignedTo(
        company, user.id(), held.teamIds(), held.aliasIds(), excluded, page);
  }

  /** The most applications {@link #usableBy} answers: far more than a company assigns to anyone. */
  public static final int MAX_USABLE = 1000;

  /**
   * Every application the user may use through an assignment (SHR-3), by name, at most {@link
   * #MAX_USABLE}: the same rule as {@link #mayUse} for all of the company's apps at once, in one
   * query on the assignment indexes (after the user's teams and aliases), read fresh from the
   * database on every call (no cache), so a removed assignment is gone on every node at once. Empty
   * for a user who may use none this way: no company, light, or not active.
   */
  public List<ApplicationSummary> usableBy(User user) {
    UUID company = user.companyId();
    if (company == null || !user.isActive() || user.isLight()) {
      return List.of();
    }
    UserGroupIds held = groups.groupIdsHoldingUser(company, user.id());
    return assignments.usableBy(company, user.id(), held.teamIds(), held.aliasIds(), MAX_USABLE);
  }

  /** One page of who the application is shared with, oldest first: the creator leads. */
  public ResultPage<Assignment> assignments(Application app, ResultPage.Request page) {
    Account company = requireCompany(app);
    ResultPage<Assignments.Row> rows = assignments.page(app.id(), page);
    Map<AssignmentKind, Set<UUID>> ids = new HashMap<>();
    rows.items()
        .forEach(r -> ids.computeIfAbsent(r.kind(), k -> new HashSet<>()).add(r.targetId()));
    Map<UUID, User> byId = usersById(ids.getOrDefault(AssignmentKind.USER, Set.of()));
    Map<UUID, String> teams = groupNames(GroupKind.TEAM, company, ids);
    Map<UUID, String> aliases = groupNames(GroupKind.ALIAS, company, ids);
    return rows.map(
        r ->
            switch (r.kind()) {
              case USER -> userLine(company, r, byId.get(r.targetId()));
              case TEAM -> groupLine(r, teams.get(r.targetId()));
              case ALIAS -> groupLine(r, aliases.get(r.targetId()));
            });
  }

  /** Those of the ids the application is already shared with, as this kind. */
  public Set<UUID> assignedAmong(Application app, AssignmentKind kind, Collection<UUID> ids) {
    return assignments.assignedAmong(app.id(), kind, ids);
  }

  /** How many users, teams and aliases each of the applications is shared with. */
  public Map<UUID, AssignmentCounts> counts(Collection<UUID> applicationIds) {
    Map<UUID, AssignmentCounts> counts = new HashMap<>();
    assignments
        .counts(applicationIds)
        .forEach(
            (id, byKind) ->
                counts.put(
                    id,
                    new AssignmentCounts(
                        byKind.getOrDefault(AssignmentKind.USER, 0L),
                        byKind.getOrDefault(AssignmentKind.TEAM, 0L),
                        byKind.getOrDefault(AssignmentKind.ALIAS, 0L))));
    return counts;
  }

  private boolean decide(UUID userId, UUID applicationId) {
    User user = users.user(userId).orElse(null);
    UUID company = user == null ? null : user.companyId();
    if (user == null || company == null || !user.isActive() || user.isLight()) {
      return false;
    }
    if (!assignments.ownerOf(applicationId).map(company::equals).orElse(false)) {
      return false;
    }
    if (assignments.reaches(applicationId, userId, Set.of(), Set.of())) {
      return true;
    }
    UserGroupIds held = groups.groupIdsHoldingUser(company, userId);
    if ((!held.teamIds().isEmpty() || !held.aliasIds().isEmpty())
        && assignments.reaches(applicationId, userId, held.teamIds(), held.aliasIds())) {
      return true;
    }
    return sources.orderedStream().anyMatch(source -> source.allows(user, applicationId));
  }

  /** The owning company; {@link Conflict} for an individual's app, which is shared with no one. */
  Account requireCompany(Application app) {
    return accounts
        .account(app.ownerAccountId())
        .filter(Account::isCompanyType)
        .orElseThrow(
            () ->
                new Conflict(
                    "Only a company's applications are shared with users, teams and aliases:"
                        + " this one belongs to a personal account."));
  }

  private Map<UUID, User> usersById(Set<UUID> ids) {
    return ids.isEmpty()
        ? Map.of()
        : users.users(ids).stream().collect(Collectors.toMap(User::id, Function.identity()));
  }

  private Map<UUID, String> groupNames(
      GroupKind kind, Account company, Map<AssignmentKind, Set<UUID>> ids) {
    Set<UUID> wanted = ids.getOrDefault(AssignmentKind.of(kind), Set.of());
    return wanted.isEmpty() ? Map.of() : groups.names(kind, company.id(), wanted);
  }

  private static Assignment userLine(Account company, Assignments.Row r, @Nullable User user) {
    if (user == null || !user.isMemberOf(company.id())) {
      return new Assignment(r.kind(), r.targetId(), "", null, "no longer a member", r.createdAt());
    }
    String note = user.isLight() ? "light user" : user.isActive() ? null : "suspended";
    return new Assignment(r.kind(), r.targetId(), user.name(), user.email(), note, r.createdAt());
  }

  private static Assignment groupLine(Assignments.Row r, @Nullable String name) {
    return new Assignment(
        r.kind(),
        r.targetId(),
        name == null ? "" : name,
        null,
        name == null ? "deleted" : null,
        r.createdAt());
  }
}
