package dev.portico.accounts.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.Alias;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.Team;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Company settings → Teams: list, create, rename, change members, delete (TEN-3). Every handler
 * first checks that the signed-in user administers the account in the URL, and teams are only ever
 * looked up within that account, so ids of other companies answer 404.
 */
@Controller
@RequestMapping("/accounts/{accountId}/teams")
class TeamsController {

  private final UserManagement users;
  private final GroupManagement groups;
  private final AccountAccess access;

  TeamsController(UserManagement users, GroupManagement groups, AccountAccess access) {
    this.users = users;
    this.groups = groups;
    this.access = access;
  }

  @GetMapping
  String listTeams(User me, @PathVariable UUID accountId, Model model) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    Map<UUID, User> members = byId(users.members(account.id()));
    model.addAttribute("account", account);
    model.addAttribute(
        "teams", groups.teams(account.id()).stream().map(t -> TeamRow.of(t, members)).toList());
    return "accounts/teams";
  }

  @GetMapping("/new")
  String initCreationForm(User me, @PathVariable UUID accountId, Model model) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    model.addAttribute("team", new TeamForm());
    return showForm(account, null, model);
  }

  @PostMapping("/new")
  String processCreationForm(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @ModelAttribute("team") TeamForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    if (!result.hasErrors()) {
      try {
        Team created = groups.createTeam(actor, account.id(), form.toDraft());
        redirect.addFlashAttribute("flash", "Created team " + created.name() + ".");
        return "redirect:/accounts/" + account.id() + "/teams";
      } catch (InvalidInput e) {
        Forms.reject(e, result);
      }
    }
    return showForm(account, null, model);
  }

  @GetMapping("/{teamId}")
  String showTeam(User me, @PathVariable UUID accountId, @PathVariable UUID teamId, Model model) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    Team team = groups.team(account.id(), teamId);
    model.addAttribute("team", TeamForm.from(team));
    return showForm(account, team, model);
  }

  @PostMapping("/{teamId}")
  String processUpdateForm(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable UUID teamId,
      @ModelAttribute("team") TeamForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    Team current = groups.team(account.id(), teamId);
    if (!result.hasErrors()) {
      try {
        Team saved = groups.updateTeam(actor, account.id(), teamId, form.toDraft());
        redirect.addFlashAttribute("flash", "Saved team " + saved.name() + ".");
        return "redirect:/accounts/" + account.id() + "/teams";
      } catch (InvalidInput e) {
        Forms.reject(e, result);
      }
    }
    return showForm(account, current, model);
  }

  @PostMapping("/{teamId}/delete")
  String processDeletion(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable UUID teamId,
      RedirectAttributes redirect) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    Team team = groups.team(account.id(), teamId);
    groups.deleteTeam(actor, account.id(), team.id());
    redirect.addFlashAttribute("flash", "Deleted team " + team.name() + ".");
    return "redirect:/accounts/" + account.id() + "/teams";
  }

  /** The create form ({@code existing} is null) or the edit form of one team. */
  private String showForm(Account account, @Nullable Team existing, Model model) {
    model.addAttribute("account", account);
    model.addAttribute("existing", existing);
    model.addAttribute("members", users.members(account.id()));
    model.addAttribute(
        "inAliases",
        existing == null
            ? List.of()
            : groups.aliases(account.id()).stream()
                .filter(a -> a.teamIds().contains(existing.id()))
                .map(Alias::name)
                .sorted()
                .toList());
    return "accounts/team-form";
  }

  static Map<UUID, User> byId(Collection<User> users) {
    return users.stream().collect(Collectors.toMap(User::id, Function.identity()));
  }

  /** A line of the teams table: the team with its members' names, sorted. */
  record TeamRow(UUID id, String name, List<String> memberNames, Instant createdAt) {

    static TeamRow of(Team team, Map<UUID, User> members) {
      List<String> names =
          team.memberIds().stream()
              .map(members::get)
              .filter(Objects::nonNull)
              .map(User::name)
              .sorted(String.CASE_INSENSITIVE_ORDER)
              .toList();
      return new TeamRow(team.id(), team.name(), names, team.createdAt());
    }
  }
}
