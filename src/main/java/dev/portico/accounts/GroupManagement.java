package dev.portico.accounts;

import dev.portico.accounts.internal.Accounts;
import dev.portico.accounts.internal.Aliases;
import dev.portico.accounts.internal.Teams;
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
 * Teams and aliases of a company (TEN-3): named sets of its members (aliases may also hold teams),
 * with unique names per company; every change publishes an event. Callers check who may act with
 * {@link AccountAccess}.
 */
@Service
@Transactional
public class GroupManagement {

  private final Accounts accounts;
  private final Users users;
  private final Teams teams;
  private final Aliases aliases;
  private final InputValidator validator;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  GroupManagement(
      Accounts accounts,
      Users users,
      Teams teams,
      Aliases aliases,
      InputValidator validator,
      ApplicationEventPublisher events,
      Clock clock) {
    this.accounts = accounts;
    this.users = users;
    this.teams = teams;
    this.aliases = aliases;
    this.validator = validator;
    this.events = events;
    this.clock = clock;
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

  /**
   * Two admins creating the same name at once: the database's unique key decides, as a field error.
   */
  private static void uniqueName(Runnable write, String message) {
    try {
      write.run();
    } catch (DuplicateKeyException raced) {
      throw InvalidInput.of("name", message);
    }
  }

  private Account companyAccount(UUID companyId) {
    return accounts
        .find(companyId)
        .filter(Account::isCompanyType)
        .orElseThrow(() -> new NotFound("Account"));
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

  /** Only current members: a user with a pending invitation (TEN-6) is not one yet. */
  private void checkMembers(UUID companyId, Set<UUID> memberIds, String field) {
    long inCompany = users.findAll(memberIds).stream().filter(u -> u.isMemberOf(companyId)).count();
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

  private static void diff(
      Map<String, String> diff, String field, @Nullable Object before, @Nullable Object after) {
    Changes.diff(diff, field, before, after);
  }
}
