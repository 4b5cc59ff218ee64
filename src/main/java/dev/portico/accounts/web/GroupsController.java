package dev.portico.accounts.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.Group;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import java.beans.PropertyEditorSupport;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Company settings → Teams and → Aliases: list, create, rename, change members (and an alias's
 * teams), delete (TEN-3). One controller for both kinds, which differ only in what the {@link
 * GroupKind} says. Every handler first checks that the signed-in user administers the account in
 * the URL, and groups are only ever looked up within that account, so ids of other companies answer
 * 404. Lists are paged; member pickers offer the chosen members and a bounded number of others,
 * searched as the admin types.
 */
@Controller
@RequestMapping("/accounts/{accountId}/{kind:teams|aliases}")
class GroupsController {

  static final int PAGE_SIZE = 25;

  /** How many members (not yet chosen) a picker offers at a time. */
  static final int MEMBER_CHOICES = 50;

  /** How many teams an alias's picker offers besides the chosen ones. */
  static final int TEAM_CHOICES = 200;

  private final UserManagement users;
  private final GroupManagement groups;
  private final AccountAccess access;

  GroupsController(UserManagement users, GroupManagement groups, AccountAccess access) {
    this.users = users;
    this.groups = groups;
    this.access = access;
  }

  /** {@code teams} and {@code aliases} in the URL name the kind (the mapping admits no other). */
  @InitBinder
  void bindKind(WebDataBinder binder) {
    binder.registerCustomEditor(
        GroupKind.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            setValue(GroupKind.ofPlural(text).orElseThrow(() -> new NotFound("Page")));
          }
        });
  }

  @GetMapping
  String listGroups(
      User me,
      @PathVariable UUID accountId,
      @PathVariable GroupKind kind,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    model.addAttribute("account", account);
    model.addAttribute("kind", kind);
    model.addAttribute(
        "groups", groups.summaries(kind, account.id(), new ResultPage.Request(page, PAGE_SIZE)));
    return "accounts/groups";
  }

  @GetMapping("/new")
  String initCreationForm(
      User me, @PathVariable UUID accountId, @PathVariable GroupKind kind, Model model) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    model.addAttribute("group", new GroupForm());
    return showForm(kind, account, null, model);
  }

  @PostMapping("/new")
  String processCreationForm(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable GroupKind kind,
      @ModelAttribute("group") GroupForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    if (!result.hasErrors()) {
      try {
        Group created = groups.create(actor, kind, account.id(), form.toDraft(kind.holdsTeams()));
        redirect.addFlashAttribute("flash", "Created " + kind.noun() + " " + created.name() + ".");
        return list(account, kind);
      } catch (InvalidInput e) {
        Forms.reject(e, result);
      }
    }
    return showForm(kind, account, null, model);
  }

  @GetMapping("/{groupId}")
  String showGroup(
      User me,
      @PathVariable UUID accountId,
      @PathVariable GroupKind kind,
      @PathVariable UUID groupId,
      Model model) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    Group group = groups.group(kind, account.id(), groupId);
    model.addAttribute("group", GroupForm.from(group));
    return showForm(kind, account, group, model);
  }

  @PostMapping("/{groupId}")
  String processUpdateForm(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable GroupKind kind,
      @PathVariable UUID groupId,
      @ModelAttribute("group") GroupForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    Group current = groups.group(kind, account.id(), groupId);
    if (!result.hasErrors()) {
      try {
        Group saved =
            groups.update(actor, kind, account.id(), groupId, form.toDraft(kind.holdsTeams()));
        redirect.addFlashAttribute("flash", "Saved " + kind.noun() + " " + saved.name() + ".");
        return list(account, kind);
      } catch (InvalidInput e) {
        Forms.reject(e, result);
      }
    }
    return showForm(kind, account, current, model);
  }

  @PostMapping("/{groupId}/delete")
  String processDeletion(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable GroupKind kind,
      @PathVariable UUID groupId,
      RedirectAttributes redirect) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    Group group = groups.group(kind, account.id(), groupId);
    groups.delete(actor, kind, account.id(), group.id());
    redirect.addFlashAttribute("flash", "Deleted " + kind.noun() + " " + group.name() + ".");
    return list(account, kind);
  }

  /**
   * The picker's search as the admin types (htmx): the members ticked in the results so far stay,
   * then the first matches that are neither ticked nor already in the group.
   */
  @GetMapping("/member-choices")
  String showMemberChoices(
      User me,
      @PathVariable UUID accountId,
      @PathVariable GroupKind kind,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable UUID groupId,
      @RequestParam(required = false) @Nullable Set<UUID> memberIds,
      Model model) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    Set<UUID> ticked = memberIds == null ? Set.of() : memberIds;
    Set<UUID> inGroup =
        groupId == null ? Set.of() : groups.group(kind, account.id(), groupId).memberIds();
    model.addAttribute("ticked", membersAmong(account, ticked));
    model.addAttribute(
        "others",
        users.candidates(account.id(), query(q), false, MEMBER_CHOICES).stream()
            .filter(u -> !ticked.contains(u.id()) && !inGroup.contains(u.id()))
            .toList());
    return "accounts/group-form :: memberChoices";
  }

  /** The create form ({@code existing} is null) or the edit form of one group. */
  private String showForm(GroupKind kind, Account account, @Nullable Group existing, Model model) {
    GroupForm form = (GroupForm) model.getAttribute("group");
    Set<UUID> chosen = form == null ? Set.of() : form.getMemberIds();
    model.addAttribute("account", account);
    model.addAttribute("kind", kind);
    model.addAttribute("existing", existing);
    model.addAttribute("chosenMembers", membersAmong(account, chosen));
    model.addAttribute("ticked", List.of());
    model.addAttribute(
        "others",
        users.candidates(account.id(), null, false, MEMBER_CHOICES).stream()
            .filter(u -> !chosen.contains(u.id()))
            .toList());
    if (kind.holdsTeams()) {
      model.addAttribute(
          "teams",
          groups.choices(
              GroupKind.TEAM,
              account.id(),
              form == null ? Set.of() : form.getTeamIds(),
              TEAM_CHOICES));
    }
    model.addAttribute(
        "inAliases",
        existing == null || kind.holdsTeams()
            ? List.of()
            : groups.aliasNamesHoldingTeam(account.id(), existing.id()));
    return "accounts/group-form";
  }

  /** The users among these ids who are members of the company: no one else's name is shown. */
  private List<User> membersAmong(Account account, Set<UUID> ids) {
    return users.users(ids).stream().filter(u -> u.isMemberOf(account.id())).toList();
  }

  private static @Nullable String query(String q) {
    return RestInputs.query(q);
  }

  private static String list(Account account, GroupKind kind) {
    return "redirect:/accounts/" + account.id() + "/" + kind.plural();
  }
}
