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
 * Company settings → Aliases: list, create, rename, change users and teams, delete (TEN-3). Every
 * handler first checks that the signed-in user administers the account in the URL, and aliases are
 * only ever looked up within that account, so ids of other companies answer 404.
 */
@Controller
@RequestMapping("/accounts/{accountId}/aliases")
class AliasesController {

  private final UserManagement users;
  private final GroupManagement groups;
  private final AccountAccess access;

  AliasesController(UserManagement users, GroupManagement groups, AccountAccess access) {
    this.users = users;
    this.groups = groups;
    this.access = access;
  }

  @GetMapping
  String listAliases(User me, @PathVariable UUID accountId, Model model) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    Map<UUID, User> members = TeamsController.byId(users.members(account.id()));
    Map<UUID, Team> teams =
        groups.teams(account.id()).stream()
            .collect(Collectors.toMap(Team::id, Function.identity()));
    model.addAttribute("account", account);
    model.addAttribute(
        "aliases",
        groups.aliases(account.id()).stream().map(a -> AliasRow.of(a, members, teams)).toList());
    return "accounts/aliases";
  }

  @GetMapping("/new")
  String initCreationForm(User me, @PathVariable UUID accountId, Model model) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    model.addAttribute("alias", new AliasForm());
    return showForm(account, null, model);
  }

  @PostMapping("/new")
  String processCreationForm(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @ModelAttribute("alias") AliasForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    if (!result.hasErrors()) {
      try {
        Alias created = groups.createAlias(actor, account.id(), form.toDraft());
        redirect.addFlashAttribute("flash", "Created alias " + created.name() + ".");
        return "redirect:/accounts/" + account.id() + "/aliases";
      } catch (InvalidInput e) {
        Forms.reject(e, result);
      }
    }
    return showForm(account, null, model);
  }

  @GetMapping("/{aliasId}")
  String showAlias(User me, @PathVariable UUID accountId, @PathVariable UUID aliasId, Model model) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    Alias alias = groups.alias(account.id(), aliasId);
    model.addAttribute("alias", AliasForm.from(alias));
    return showForm(account, alias, model);
  }

  @PostMapping("/{aliasId}")
  String processUpdateForm(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable UUID aliasId,
      @ModelAttribute("alias") AliasForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    Alias current = groups.alias(account.id(), aliasId);
    if (!result.hasErrors()) {
      try {
        Alias saved = groups.updateAlias(actor, account.id(), aliasId, form.toDraft());
        redirect.addFlashAttribute("flash", "Saved alias " + saved.name() + ".");
        return "redirect:/accounts/" + account.id() + "/aliases";
      } catch (InvalidInput e) {
        Forms.reject(e, result);
      }
    }
    return showForm(account, current, model);
  }

  @PostMapping("/{aliasId}/delete")
  String processDeletion(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable UUID aliasId,
      RedirectAttributes redirect) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    Alias alias = groups.alias(account.id(), aliasId);
    groups.deleteAlias(actor, account.id(), alias.id());
    redirect.addFlashAttribute("flash", "Deleted alias " + alias.name() + ".");
    return "redirect:/accounts/" + account.id() + "/aliases";
  }

  /** The create form ({@code existing} is null) or the edit form of one alias. */
  private String showForm(Account account, @Nullable Alias existing, Model model) {
    model.addAttribute("account", account);
    model.addAttribute("existing", existing);
    model.addAttribute("members", users.members(account.id()));
    model.addAttribute("teams", groups.teams(account.id()));
    return "accounts/alias-form";
  }

  /** A line of the aliases table: the alias with the names of its users and of its teams. */
  record AliasRow(
      UUID id, String name, List<String> userNames, List<String> teamNames, Instant createdAt) {

    static AliasRow of(Alias alias, Map<UUID, User> members, Map<UUID, Team> teams) {
      return new AliasRow(
          alias.id(),
          alias.name(),
          names(alias.memberIds().stream().map(members::get), User::name),
          names(alias.teamIds().stream().map(teams::get), Team::name),
          alias.createdAt());
    }

    private static <T> List<String> names(
        java.util.stream.Stream<@Nullable T> found, Function<T, String> name) {
      return found
          .filter(Objects::nonNull)
          .map(name)
          .sorted(String.CASE_INSENSITIVE_ORDER)
          .toList();
    }

    /** How many users and teams the alias names. */
    public int size() {
      return userNames.size() + teamNames.size();
    }
  }
}
