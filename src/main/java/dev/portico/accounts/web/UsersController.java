package dev.portico.accounts.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.Invitation;
import dev.portico.accounts.InvitationManagement;
import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.accounts.UserAddition;
import dev.portico.accounts.UserChanges;
import dev.portico.accounts.UserManagement;
import dev.portico.accounts.UserState;
import dev.portico.accounts.internal.Users;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import dev.portico.system.Htmx;
import dev.portico.system.InvalidInput;
import dev.portico.system.ResultPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Company settings → Users: list, search, add, change role and license, suspend, reactivate, remove
 * (TEN-2). Every handler first checks that the signed-in user administers the account in the URL.
 */
@Controller
@RequestMapping("/accounts/{accountId}/users")
class UsersController {

  private final UserManagement users;
  private final GroupManagement groups;
  private final InvitationManagement invitations;
  private final AccountAccess access;

  UsersController(
      UserManagement users,
      GroupManagement groups,
      InvitationManagement invitations,
      AccountAccess access) {
    this.users = users;
    this.groups = groups;
    this.invitations = invitations;
    this.access = access;
  }

  @GetMapping
  String listUsers(
      User me,
      @PathVariable UUID accountId,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "name") String sort,
      @RequestParam(defaultValue = "asc") String dir,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    String query = q.length() > 100 ? q.substring(0, 100) : q;
    String sortBy = Users.SORTS.containsKey(sort) ? sort : "name";
    boolean ascending = !"desc".equals(dir);
    ResultPage<User> found =
        users.searchMembers(
            account.id(), query, sortBy, ascending, new ResultPage.Request(page, 25));
    model.addAttribute("account", account);
    model.addAttribute("users", found);
    model.addAttribute("q", query);
    model.addAttribute("sort", sortBy);
    model.addAttribute("dir", ascending ? "asc" : "desc");
    if (Htmx.isPartial(request)) {
      return "accounts/users :: table";
    }
    model.addAttribute(
        "invitations", invitations.pending(account.id(), new ResultPage.Request(0, 50)));
    return "accounts/users";
  }

  @GetMapping("/new")
  String initCreationForm(User me, @PathVariable UUID accountId, Model model) {
    model.addAttribute("account", access.requireCompanyAdmin(me.id(), accountId));
    model.addAttribute("user", new UserForm());
    addOptions(model);
    return "accounts/user-new";
  }

  @PostMapping("/new")
  String processCreationForm(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @ModelAttribute("user") UserForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    if (!result.hasErrors()) {
      try {
        UserAddition addition = users.addUser(actor, account.id(), form.toNewUser());
        redirect.addFlashAttribute("flash", flash(addition));
        return "redirect:/accounts/" + account.id() + "/users";
      } catch (InvalidInput e) {
        Forms.reject(e, result);
      }
    }
    model.addAttribute("account", account);
    addOptions(model);
    return "accounts/user-new";
  }

  @GetMapping("/{userId}")
  String showUser(User me, @PathVariable UUID accountId, @PathVariable UUID userId, Model model) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    model.addAttribute("account", account);
    model.addAttribute("member", users.member(account.id(), userId));
    model.addAttribute("teams", groups.namesHoldingUser(GroupKind.TEAM, account.id(), userId));
    addOptions(model);
    return "accounts/user";
  }

  @PostMapping("/{userId}")
  String processChanges(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable UUID userId,
      @RequestParam(required = false) @Nullable Role role,
      @RequestParam(required = false) @Nullable License license,
      @RequestParam(required = false) @Nullable UserState state,
      Model model,
      RedirectAttributes redirect) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    try {
      User changed =
          users.changeUser(actor, account.id(), userId, new UserChanges(role, license, state));
      redirect.addFlashAttribute("flash", "Saved " + changed.email() + ".");
      return "redirect:/accounts/" + account.id() + "/users/" + userId;
    } catch (InvalidInput e) {
      model.addAttribute("changeError", e.violations().get(0).message());
      return showUser(me, accountId, userId, model);
    }
  }

  @PostMapping("/{userId}/remove")
  String processRemoval(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable UUID userId,
      RedirectAttributes redirect) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    User member = users.member(account.id(), userId);
    users.removeFromCompany(actor, account.id(), userId);
    redirect.addFlashAttribute(
        "flash", member.email() + " was removed from " + account.name() + ".");
    return "redirect:/accounts/" + account.id() + "/users";
  }

  @PostMapping("/invitations/{invitationId}/withdraw")
  String processWithdrawal(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable UUID invitationId,
      RedirectAttributes redirect) {
    Account account = access.requireCompanyAdmin(me.id(), accountId);
    Invitation invitation = invitations.invitation(account.id(), invitationId);
    try {
      invitations.withdraw(actor, account.id(), invitationId);
      redirect.addFlashAttribute("flash", "Invitation of " + invitation.email() + " withdrawn.");
    } catch (Conflict e) {
      redirect.addFlashAttribute("flash", e.getMessage());
    }
    return "redirect:/accounts/" + account.id() + "/users";
  }

  /**
   * The same notice whichever account an existing email belongs to (TEN-6): nothing tells the admin
   * where that user is.
   */
  private static String flash(UserAddition addition) {
    if (addition instanceof UserAddition.Invited invited) {
      return "Invitation sent to "
          + invited.invitation().email()
          + ". They join the company once they accept it.";
    }
    return "Added " + ((UserAddition.Created) addition).user().email() + ".";
  }

  private static void addOptions(Model model) {
    model.addAttribute("roles", List.of(Role.values()));
    model.addAttribute("licenses", List.of(License.values()));
  }
}
