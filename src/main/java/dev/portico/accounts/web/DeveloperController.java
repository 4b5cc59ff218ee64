package dev.portico.accounts.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.User;
import dev.portico.system.DeveloperFacts;
import dev.portico.system.DeveloperFacts.Contribution;
import dev.portico.system.DeveloperFacts.Count;
import dev.portico.system.DeveloperFacts.DeveloperAccount;
import dev.portico.system.DeveloperFacts.Progress;
import dev.portico.system.DeveloperFacts.Step;
import dev.portico.system.DeveloperFacts.StepState;
import dev.portico.system.NotFound;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Developer page (DEV-1), the seed's landing page for everything a developer does: Company
 * settings → Developer for the company's admins and the operator, My account → Developer for every
 * user with a full license, for their personal account (the same page without Applications). The
 * counts and the how-to checklists come from the modules that know them, through {@link
 * DeveloperFacts}; this module imports none of them. Members, light users and other companies'
 * admins get 404.
 */
@Controller
class DeveloperController {

  private final AccountAccess access;
  private final AccountManagement accounts;
  private final List<DeveloperFacts> facts;

  DeveloperController(
      AccountAccess access, AccountManagement accounts, List<DeveloperFacts> facts) {
    Assert.notNull(access, "access cannot be null");
    Assert.notNull(accounts, "accounts cannot be null");
    Assert.notNull(facts, "facts cannot be null");
    this.access = access;
    this.accounts = accounts;
    this.facts = List.copyOf(facts);
  }

  @GetMapping("/accounts/{accountId}/developer")
  String showCompanyDeveloper(User me, @PathVariable UUID accountId, Model model) {
    Account company = access.requireCompanyAdmin(me.id(), accountId);
    return show(new DeveloperPlace(company, "/accounts/" + company.id() + "/developer"), model);
  }

  @GetMapping("/my/developer")
  String showMyDeveloper(User me, Model model) {
    if (!NavigationAdvice.mayDevelop(me)) {
      throw new NotFound("Page");
    }
    Account personal =
        accounts.account(me.personalAccountId()).orElseThrow(() -> new NotFound("Account"));
    return show(new DeveloperPlace(personal, "/my/developer"), model);
  }

  private String show(DeveloperPlace place, Model model) {
    DeveloperAccount account = new DeveloperAccount(place.account().id(), place.company());
    Contribution merged = DeveloperFacts.merge(facts.stream().map(f -> f.about(account)).toList());
    model.addAttribute("place", place);
    model.addAttribute(
        "counts", new Counts(merged.count(Count.OAUTH_APPLICATIONS), merged.count(Count.API_KEYS)));
    model.addAttribute(
        "internalUse",
        checklist(place, merged, Step.REGISTER_APP, Step.CREATE_EXTENSION, Step.ASSIGN_USERS));
    model.addAttribute(
        "publishing",
        checklist(
            place,
            merged,
            Step.AUTHENTICATE_WITH_OAUTH2,
            Step.CREATE_STORE_ENTRY,
            Step.COMPLETE_LAUNCH_CHECKLIST));
    return "accounts/developer";
  }

  private static List<ChecklistItem> checklist(
      DeveloperPlace place, Contribution merged, Step... steps) {
    return Arrays.stream(steps)
        .map(
            step ->
                new ChecklistItem(
                    label(step),
                    link(place, step),
                    merged
                        .steps()
                        .getOrDefault(step, new StepState(Progress.COMING_SOON, comingSoon(step)))))
        .toList();
  }

  /** The seed's words for the step. */
  private static String label(Step step) {
    return switch (step) {
      case REGISTER_APP -> "Register the app";
      case CREATE_EXTENSION -> "Create an extension for the app";
      case ASSIGN_USERS -> "Assign users to the app";
      case AUTHENTICATE_WITH_OAUTH2 -> "Authenticate with OAuth2";
      case CREATE_STORE_ENTRY -> "Create an app store entry";
      case COMPLETE_LAUNCH_CHECKLIST -> "Complete the Launch Checklist";
    };
  }

  /** The hint of a step no module answers yet. */
  private static String comingSoon(Step step) {
    return switch (step) {
      case CREATE_EXTENSION -> "Coming soon: extensions will be added on an app's Extensions tab.";
      case ASSIGN_USERS -> "Coming soon: assigning users arrives with Applications (sharing).";
      case CREATE_STORE_ENTRY -> "Coming soon: store entries arrive with the store.";
      case COMPLETE_LAUNCH_CHECKLIST ->
          "Coming soon: the Launch Checklist arrives with store entries.";
      default -> "Coming soon.";
    };
  }

  /** Where a step is done, for the steps whose page exists. */
  private static @Nullable String link(DeveloperPlace place, Step step) {
    return switch (step) {
      case REGISTER_APP, AUTHENTICATE_WITH_OAUTH2 -> place.base() + "/oauth-applications";
      case ASSIGN_USERS -> place.company() ? place.base() + "/applications" : null;
      default -> null;
    };
  }

  /**
   * Whose Developer page this is.
   *
   * @param base the page's path; the sections' pages are below it
   */
  record DeveloperPlace(Account account, String base) {
    public boolean company() {
      return account.isCompanyType();
    }
  }

  /** The counts next to the page's links. */
  record Counts(long oauthApplications, long apiKeys) {}

  /**
   * One line of a how-to: the step in the seed's words, where it is done (if that page exists), as
   * far as the account is, and why.
   */
  record ChecklistItem(String label, @Nullable String link, StepState state) {
    public boolean done() {
      return state.progress() == Progress.DONE;
    }

    public boolean comingSoon() {
      return state.progress() == Progress.COMING_SOON;
    }
  }
}
