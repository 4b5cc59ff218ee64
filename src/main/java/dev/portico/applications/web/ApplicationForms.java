package dev.portico.applications.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.Scope;
import dev.portico.applications.ApplicationType;
import dev.portico.system.InvalidInput.FieldViolation;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.validation.BindingResult;

/**
 * What the registration form and the Settings and Permissions tabs share: the choices their fields
 * offer and how a refusal is shown — every message next to its field, the input kept.
 */
@Component
class ApplicationForms {

  /** How many teams the Admin team select offers; a company with more picks among the first. */
  static final int TEAM_CHOICES = 200;

  /** The fields the form shows; a message about anything else goes above the form. */
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "primaryFormat",
          "summary",
          "redirectUrls",
          "type",
          "oauthUrl",
          "supportsCollaboration",
          "collaborators",
          "scopes",
          "adminTeamId");

  /** The fields of one entry a line: each refused entry gets its own message. */
  private static final Set<String> LISTS = Set.of("redirectUrls", "collaborators");

  private final GroupManagement groups;

  ApplicationForms(GroupManagement groups) {
    Assert.notNull(groups, "groups cannot be null");
    this.groups = groups;
  }

  /**
   * The form under its model name with what its fields offer: types, scopes, the company's teams.
   */
  void addForm(Account owner, ApplicationForm form, Model model) {
    model.addAttribute("application", form);
    model.addAttribute("types", List.of(ApplicationType.values()));
    model.addAttribute("scopeChoices", List.of(Scope.values()));
    model.addAttribute(
        "teams",
        owner.isCompanyType()
            ? groups.choices(
                GroupKind.TEAM,
                owner.id(),
                form.chosenTeam().map(Set::of).orElse(Set.of()),
                TEAM_CHOICES)
            : List.of());
  }

  /**
   * Puts each message next to its field: the first one of a single-valued field, every one of a
   * list (one per refused redirect URL or collaborator).
   */
  static void reject(List<FieldViolation> violations, BindingResult result) {
    reject(violations, result, FIELDS);
  }

  /** {@link #reject(List, BindingResult)} for a form that shows only some of the fields. */
  static void reject(List<FieldViolation> violations, BindingResult result, Set<String> shown) {
    for (FieldViolation v : violations) {
      String field = v.field().replaceAll("\\[.*$", "");
      if (shown.contains(field)) {
        // one message a field ("is required" says enough), but every refused line of a list
        if (LISTS.contains(field) || !result.hasFieldErrors(field)) {
          result.rejectValue(field, "invalid", v.message());
        }
      } else {
        result.reject("invalid", v.field() + " " + v.message());
      }
    }
  }
}
