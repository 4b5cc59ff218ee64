package dev.portico.accounts;

import dev.portico.accounts.internal.Accounts;
import dev.portico.accounts.internal.GroupSummaries;
import dev.portico.accounts.internal.Groups;
import dev.portico.accounts.internal.Users;
import dev.portico.system.Actor;
import dev.portico.system.InputValidator;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams and aliases of a company (TEN-3): named sets of its members, an alias also of its teams
 * ({@link GroupKind}), with names unique per company and kind whatever their letter case; every
 * change publishes an event. Callers check who may act with {@link AccountAccess}.
 */
@Service
@Transactional
public class GroupManagement {

  private final Accounts accounts;
  private final Users users;
  private final Groups groups;
  private final GroupSummaries summaries;
  private final InputValidator validator;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  GroupManagement(
      Accounts accounts,
      Users users,
      Groups groups,
      GroupSummaries summaries,
      InputValidator validator,
      ApplicationEventPublisher events,
      Clock clock) {
    this.accounts = accounts;
    this.users = users;
    this.groups = groups;
    this.summaries = summaries;
    this.validator = validator;
    this.events = events;
    this.clock = clock;
  }

  public Group create(Actor actor, GroupKind kind, UUID companyId, GroupDraft draft) {
    Account company = companyAccount(companyId);
    UUID id = UUID.randomUUID();
    check(kind, company.id(), id, draft);
    Group group =
        new Group(
            id,
            company.id(),
            kind,
            draft.name().strip(),
            draft.memberIds(),
            draft.teamIds(),
            clock.instant());
    uniqueName(kind, () -> groups.insert(group));
    Map<String, String> diff = new LinkedHashMap<>();
    diff.put("members", emails(group.memberIds()));
    if (kind.holdsTeams()) {
      diff.put("teams", teamNames(company.id(), group.teamIds()));
    }
    events.publishEvent(new GroupCreated(actor, company.id(), kind, id, group.name(), diff));
    return group;
  }

  public Group update(Actor actor, GroupKind kind, UUID companyId, UUID groupId, GroupDraft draft) {
    Group current = group(kind, companyId, groupId);
    check(kind, companyId, groupId, draft);
    Group updated = current.with(draft);
    Map<String, String> diff = new LinkedHashMap<>();
    diff(diff, "name", current.name(), updated.name());
    if (!current.memberIds().equals(updated.memberIds())) {
      diff(diff, "members", emails(current.memberIds()), emails(updated.memberIds()));
    }
    if (kind.holdsTeams() && !current.teamIds().equals(updated.teamIds())) {
      diff(
          diff,
          "teams",
          teamNames(companyId, current.teamIds()),
          teamNames(companyId, updated.teamIds()));
    }
    if (!diff.isEmpty()) {
      uniqueName(kind, () -> groups.update(updated));
      events.publishEvent(new GroupUpdated(actor, companyId, kind, groupId, updated.name(), diff));
    }
    return updated;
  }

  public void delete(Actor actor, GroupKind kind, UUID companyId, UUID groupId) {
    Group group = group(kind, companyId, groupId);
    groups.delete(kind, groupId);
    events.publishEvent(new GroupDeleted(actor, companyId, kind, groupId, group.name(), Map.of()));
  }

  /** The group of the company; ids of other companies (or of the other kind) find nothing. */
  @Transactional(readOnly = true)
  public Group group(GroupKind kind, UUID companyId, UUID groupId) {
    return groups.find(kind, companyId, groupId).orElseThrow(() -> new NotFound(kind.title()));
  }

  /** One page of the company's teams or aliases by name, each with all its members. */
  @Transactional(readOnly = true)
  public ResultPage<Group> groups(GroupKind kind, UUID companyId, ResultPage.Request page) {
    return groups.page(kind, companyId, page);
  }

  /** One page of the company's teams or aliases by name, with counts and the first names. */
  @Transactional(readOnly = true)
  public ResultPage<GroupSummary> summaries(
      GroupKind kind, UUID companyId, ResultPage.Request page) {
    return summaries.summaries(kind, companyId, page);
  }

  /**
   * What a picker offers: the chosen teams or aliases and the first {@code limit} others by name,
   * with their member counts.
   */
  @Transactional(readOnly = true)
  public List<GroupSummary> choices(GroupKind kind, UUID companyId, Set<UUID> chosen, int limit) {
    return summaries.choices(kind, companyId, chosen, Math.min(Math.max(limit, 1), 200));
  }

  @Transactional(readOnly = true)
  public long count(GroupKind kind, UUID companyId) {
    return groups.count(kind, companyId);
  }

  /** The names of the company's teams or aliases the user belongs to, sorted. */
  @Transactional(readOnly = true)
  public List<String> namesHoldingUser(GroupKind kind, UUID companyId, UUID userId) {
    return groups.namesHoldingUser(kind, companyId, userId);
  }

  /** The names of the company's aliases that hold the team, sorted. */
  @Transactional(readOnly = true)
  public List<String> aliasNamesHoldingTeam(UUID companyId, UUID teamId) {
    return groups.aliasNamesHoldingTeam(companyId, teamId);
  }

  /** The names of those of the given teams or aliases that belong to the company, by id. */
  @Transactional(readOnly = true)
  public Map<UUID, String> names(GroupKind kind, UUID companyId, Set<UUID> ids) {
    return groups.names(kind, companyId, ids);
  }

  /**
   * The company's teams that hold the user and its aliases that hold the user or one of those
   * teams: whether something shared with a team or alias reaches the user.
   */
  @Transactional(readOnly = true)
  public UserGroupIds groupIdsHoldingUser(UUID companyId, UUID userId) {
    return groups.groupIdsHoldingUser(companyId, userId);
  }

  /**
   * The users that those of these teams and aliases that belong to the company hold, the members of
   * an alias's teams included.
   */
  @Transactional(readOnly = true)
  public Set<UUID> userIdsIn(UUID companyId, Set<UUID> teamIds, Set<UUID> aliasIds) {
    return groups.userIdsIn(companyId, teamIds, aliasIds);
  }

  /**
   * At most {@code limit} (≤ 200) of the company's teams or aliases whose name contains the text
   * (any, when blank), by name, with their member counts: a search-as-you-type picker.
   */
  @Transactional(readOnly = true)
  public List<GroupSummary> matching(
      GroupKind kind, UUID companyId, @Nullable String q, int limit) {
    return summaries.matching(kind, companyId, q, Math.min(Math.max(limit, 1), 200));
  }

  /**
   * Two admins creating the same name at once (in any letter case): the database's unique key
   * decides, as a field error.
   */
  private static void uniqueName(GroupKind kind, Runnable write) {
    try {
      write.run();
    } catch (DuplicateKeyException raced) {
      throw nameTaken(kind);
    }
  }

  private static InvalidInput nameTaken(GroupKind kind) {
    return InvalidInput.of("name", "another " + kind.noun() + " has this name");
  }

  private Account companyAccount(UUID companyId) {
    return accounts
        .find(companyId)
        .filter(Account::isCompanyType)
        .orElseThrow(() -> new NotFound("Account"));
  }

  private void check(GroupKind kind, UUID companyId, UUID groupId, GroupDraft draft) {
    validator.check(draft);
    if (groups.nameTaken(kind, companyId, draft.name(), groupId)) {
      throw nameTaken(kind);
    }
    checkMembers(companyId, draft.memberIds());
    if (!kind.holdsTeams() && !draft.teamIds().isEmpty()) {
      throw InvalidInput.of("teamIds", "a " + kind.noun() + " holds users only");
    }
    if (groups.names(GroupKind.TEAM, companyId, draft.teamIds()).size() != draft.teamIds().size()) {
      throw InvalidInput.of("teamIds", "holds a team that is not in this company");
    }
  }

  /** Only current members: a user with a pending invitation (TEN-6) is not one yet. */
  private void checkMembers(UUID companyId, Set<UUID> memberIds) {
    if (users.countMembersAmong(companyId, memberIds) != memberIds.size()) {
      throw InvalidInput.of("memberIds", "holds a user who is not a member of this company");
    }
  }

  private String emails(Set<UUID> userIds) {
    return String.join(", ", users.findAll(userIds).stream().map(User::email).sorted().toList());
  }

  private String teamNames(UUID companyId, Set<UUID> teamIds) {
    return String.join(
        ", ", groups.names(GroupKind.TEAM, companyId, teamIds).values().stream().sorted().toList());
  }

  private static void diff(
      Map<String, String> diff, String field, @Nullable Object before, @Nullable Object after) {
    Changes.diff(diff, field, before, after);
  }
}
