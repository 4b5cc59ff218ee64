package dev.portico.applications.web;

import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.GroupSummary;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.ApplicationAssignments;
import dev.portico.applications.ApplicationSharing;
import dev.portico.applications.Assignment;
import dev.portico.applications.AssignmentKind;
import dev.portico.applications.AssignmentResult;
import dev.portico.applications.AssignmentSelection;
import dev.portico.system.Actor;
import dev.portico.system.Htmx;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sharing panel (SHR-1, SHR-2), the same on both pages that show it ({@link SharingPlace}): the
 * list of who the app is shared with, paged in the database; the "Add users or teams" picker that
 * searches as the admin types (htmx) and by a plain form without JavaScript; adding and removing.
 */
@Component
class SharingPages {

  static final int PAGE_SIZE = 25;

  /** How many users, teams and aliases a search offers of each. */
  static final int CHOICES = 10;

  private final ApplicationSharing sharing;
  private final ApplicationAssignments reads;
  private final UserManagement users;
  private final GroupManagement groups;

  SharingPages(
      ApplicationSharing sharing,
      ApplicationAssignments reads,
      UserManagement users,
      GroupManagement groups) {
    Assert.notNull(sharing, "sharing cannot be null");
    Assert.notNull(users, "users cannot be null");
    Assert.notNull(groups, "groups cannot be null");
    this.sharing = sharing;
    this.reads = reads;
    this.users = users;
    this.groups = groups;
  }

  /** The page with the panel. */
  String showPanel(SharingPlace place, SharingForm form, int page, Model model) {
    ResultPage<Assignment> assigned =
        reads.assignments(place.app(), new ResultPage.Request(page, PAGE_SIZE));
    model.addAttribute("sharing", place);
    model.addAttribute("place", place.tab());
    model.addAttribute("assigned", assigned);
    model.addAttribute("sharingForm", form);
    addChoices(place, form, model);
    return place.page();
  }

  /** The picker's options for what the admin typed (htmx), or the whole page without htmx. */
  String showChoices(
      SharingPlace place, SharingForm form, HttpServletRequest request, Model model) {
    if (!Htmx.isPartial(request)) {
      return showPanel(place, form, 0, model);
    }
    model.addAttribute("sharing", place);
    model.addAttribute("sharingForm", form);
    addChoices(place, form, model);
    return "applications/sharing :: choices";
  }

  String processAddition(
      SharingPlace place,
      Actor actor,
      SharingForm form,
      BindingResult result,
      RedirectAttributes redirect,
      Model model) {
    AssignmentSelection selection = form.selection(result);
    if (!result.hasErrors() && selection.isEmpty()) {
      result.reject("empty", "Tick at least one user, team or alias to add.");
    }
    if (result.hasErrors()) {
      return showPanel(place, form, 0, model);
    }
    try {
      AssignmentResult added = sharing.assign(actor, place.app(), selection);
      redirect.addFlashAttribute("flash", added.message());
      return "redirect:" + place.base();
    } catch (InvalidInput e) {
      reject(e, result);
      return showPanel(place, form, 0, model);
    }
  }

  String processRemoval(
      SharingPlace place, Actor actor, String kind, UUID targetId, RedirectAttributes redirect) {
    AssignmentKind parsed = AssignmentKind.parse(kind).orElseThrow(() -> new NotFound("Page"));
    String message =
        sharing
            .unassign(actor, place.app(), parsed, targetId)
            .map(r -> r.message())
            .orElse("It was no longer shared with that " + parsed.noun() + ".");
    redirect.addFlashAttribute("flash", message);
    return "redirect:" + place.base();
  }

  /**
   * The ticked options first (kept across searches), then the first users, teams and aliases that
   * match the text. Light users and what is already assigned are shown but cannot be ticked.
   */
  private void addChoices(SharingPlace place, SharingForm form, Model model) {
    UUID company = place.owner().id();
    AssignmentSelection ticked = form.parsedQuietly();
    String q = form.getQ().isBlank() ? null : form.getQ().strip();
    List<User> people = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    users.users(ticked.userIds()).stream()
        .filter(u -> u.isMemberOf(company))
        .forEach(u -> add(people, seen, u));
    users.candidates(company, q, true, CHOICES).forEach(u -> add(people, seen, u));
    Set<UUID> assignedUsers =
        reads.assignedAmong(
            place.app(), AssignmentKind.USER, people.stream().map(User::id).toList());
    model.addAttribute(
        "userChoices",
        people.stream()
            .map(
                u ->
                    new ChoiceRow(
                        AssignmentKind.USER,
                        u.id(),
                        u.name(),
                        u.email(),
                        u.isLight()
                            ? "light user"
                            : assignedUsers.contains(u.id()) ? "already added" : null,
                        form.ticked(AssignmentKind.USER, u.id())))
            .toList());
    model.addAttribute(
        "teamChoices", groupChoices(place, GroupKind.TEAM, ticked.teamIds(), q, form));
    model.addAttribute(
        "aliasChoices", groupChoices(place, GroupKind.ALIAS, ticked.aliasIds(), q, form));
    model.addAttribute("searched", q != null);
  }

  private List<ChoiceRow> groupChoices(
      SharingPlace place, GroupKind kind, Set<UUID> ticked, @Nullable String q, SharingForm form) {
    AssignmentKind assignment = kind == GroupKind.TEAM ? AssignmentKind.TEAM : AssignmentKind.ALIAS;
    UUID company = place.owner().id();
    List<ChoiceRow> rows = new ArrayList<>();
    Set<UUID> shown = new HashSet<>();
    Map<UUID, String> tickedNames = groups.names(kind, company, ticked);
    List<GroupSummary> found = groups.matching(kind, company, q, CHOICES);
    List<UUID> ids = new ArrayList<>(tickedNames.keySet());
    found.forEach(g -> ids.add(g.id()));
    Set<UUID> assigned = reads.assignedAmong(place.app(), assignment, ids);
    tickedNames.forEach(
        (id, name) -> {
          shown.add(id);
          rows.add(
              new ChoiceRow(
                  assignment,
                  id,
                  name,
                  null,
                  assigned.contains(id) ? "already added" : null,
                  form.ticked(assignment, id)));
        });
    for (GroupSummary g : found) {
      if (shown.add(g.id())) {
        rows.add(
            new ChoiceRow(
                assignment,
                g.id(),
                g.name(),
                size(g),
                assigned.contains(g.id()) ? "already added" : null,
                form.ticked(assignment, g.id())));
      }
    }
    return rows;
  }

  private static String size(GroupSummary g) {
    String members = AssignmentKind.USER.count(g.memberCount());
    return g.kind().holdsTeams() && g.teamCount() > 0
        ? members + ", " + AssignmentKind.TEAM.count(g.teamCount())
        : members;
  }

  private static void add(List<User> people, Set<UUID> seen, User u) {
    if (seen.add(u.id())) {
      people.add(u);
    }
  }

  /** The service's messages next to the picker's lists; the rest above the form. */
  private static void reject(InvalidInput e, BindingResult result) {
    Set<String> fields = Set.of("userIds", "teamIds", "aliasIds");
    for (InvalidInput.FieldViolation v : e.violations()) {
      if (!fields.contains(v.field())) {
        result.reject("invalid", v.message());
      } else if (!result.hasFieldErrors(v.field())) {
        result.rejectValue(v.field(), "invalid", v.message());
      }
    }
  }
}
