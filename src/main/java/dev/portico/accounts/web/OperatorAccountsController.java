package dev.portico.accounts.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.AllocationFacts;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.Plan;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.system.Actor;
import dev.portico.system.Htmx;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
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
 * Operator → Accounts: find accounts, provision one with its first admin, change its plan,
 * allocation and domain (TEN-5). The security chain lets only operators reach {@code /operator/**};
 * every handler checks again against the database, so an operator whose flag was removed loses
 * access on their next click. The account's page shows how its allocation of the current period is
 * made ({@link AllocationFacts}, answered by the usage module: plan figures, seats, pro-rated
 * additions, override, period).
 */
@Controller
@RequestMapping("/operator/accounts")
class OperatorAccountsController {

  private static final int PAGE_SIZE = 25;

  private final AccountManagement management;
  private final UserManagement users;
  private final GroupManagement groups;
  private final AccountAccess access;
  private final ObjectProvider<AllocationFacts> allocations;

  OperatorAccountsController(
      AccountManagement management,
      UserManagement users,
      GroupManagement groups,
      AccountAccess access,
      ObjectProvider<AllocationFacts> allocations) {
    this.management = management;
    this.users = users;
    this.groups = groups;
    this.access = access;
    this.allocations = allocations;
  }

  @GetMapping
  String listAccounts(
      User me,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    access.requireOperator(me.id());
    String query = q.length() > 100 ? q.substring(0, 100) : q;
    AccountType filter = typeNamed(type);
    ResultPage<Account> accounts =
        management.searchAccounts(filter, query, new ResultPage.Request(page, PAGE_SIZE));
    model.addAttribute("accounts", accounts);
    model.addAttribute("q", query);
    model.addAttribute("type", filter == null ? "" : filter.name());
    model.addAttribute("types", List.of(AccountType.values()));
    return Htmx.view(request, "operator/accounts", "table");
  }

  @GetMapping("/new")
  String initCreationForm(User me, Model model) {
    access.requireOperator(me.id());
    model.addAttribute("newAccount", new AccountForm());
    addOptions(model);
    return "operator/account-new";
  }

  @PostMapping("/new")
  String processCreationForm(
      User me,
      Actor actor,
      @ModelAttribute("newAccount") AccountForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    access.requireOperator(me.id());
    if (!result.hasErrors()) {
      try {
        Account created = management.createAccount(actor, form.toNewAccount(), form.toFirstUser());
        redirect.addFlashAttribute(
            "flash", "Created " + created.name() + " with " + form.getAdminEmail() + ".");
        return "redirect:/operator/accounts/" + created.id();
      } catch (InvalidInput e) {
        Forms.reject(e, result);
      }
    }
    addOptions(model);
    return "operator/account-new";
  }

  @GetMapping("/{accountId}")
  String showAccount(User me, @PathVariable UUID accountId, Model model) {
    access.requireOperator(me.id());
    Account account = account(accountId);
    model.addAttribute("settings", AccountSettingsForm.from(account));
    return showAccount(account, model);
  }

  @PostMapping("/{accountId}")
  String processUpdateForm(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @ModelAttribute("settings") AccountSettingsForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    access.requireOperator(me.id());
    Account account = account(accountId);
    if (!result.hasErrors()) {
      try {
        Account saved = management.updateAccount(actor, account.id(), form.toChanges(account));
        redirect.addFlashAttribute("flash", "Saved " + saved.name() + ".");
        return "redirect:/operator/accounts/" + saved.id();
      } catch (InvalidInput e) {
        Forms.reject(e, result);
      }
    }
    return showAccount(account, model);
  }

  private String showAccount(Account account, Model model) {
    model.addAttribute("account", account);
    model.addAttribute("plans", List.of(Plan.values()));
    AllocationFacts facts = allocations.getIfAvailable();
    if (facts != null) {
      model.addAttribute("allocation", facts.about(account.id()));
    }
    if (account.isCompanyType()) {
      model.addAttribute("memberCount", users.countMembers(account.id()));
      model.addAttribute("admins", users.admins(account.id()));
      model.addAttribute("teamCount", groups.count(GroupKind.TEAM, account.id()));
      model.addAttribute("aliasCount", groups.count(GroupKind.ALIAS, account.id()));
    } else {
      model.addAttribute("owner", management.owner(account.id()).orElse(null));
    }
    return "operator/account";
  }

  private Account account(UUID accountId) {
    return management.account(accountId).orElseThrow(() -> new NotFound("Account"));
  }

  private static void addOptions(Model model) {
    model.addAttribute("types", List.of(AccountType.values()));
    model.addAttribute("plans", List.of(Plan.values()));
  }

  /** The filter's type; anything else (empty, unknown) lists every type. */
  private static @Nullable AccountType typeNamed(String name) {
    return Arrays.stream(AccountType.values())
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElse(null);
  }
}
