package dev.portico.applications.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.User;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationOrder;
import dev.portico.applications.ApplicationSummary;
import dev.portico.applications.IssuedApplication;
import dev.portico.system.Actor;
import dev.portico.system.Htmx;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.system.ResultPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.validation.BindingResult;

/**
 * What the two OAuth applications lists (Company settings and My account) do alike: the sorted,
 * paged table (APP-7), the registration form (APP-1, APP-2) and the one-time view of the new app's
 * client secret (APP-3). The controllers decide the {@link ApplicationListPlace}; the rest is here.
 */
@Component
class ApplicationListPages {

  static final int PAGE_SIZE = 25;

  private final ApplicationManagement management;
  private final ApplicationForms forms;
  private final AccountManagement accounts;
  private final GroupManagement groups;

  ApplicationListPages(
      ApplicationManagement management,
      ApplicationForms forms,
      AccountManagement accounts,
      GroupManagement groups) {
    Assert.notNull(management, "management cannot be null");
    Assert.notNull(forms, "forms cannot be null");
    Assert.notNull(accounts, "accounts cannot be null");
    Assert.notNull(groups, "groups cannot be null");
    this.management = management;
    this.forms = forms;
    this.accounts = accounts;
    this.groups = groups;
  }

  /** The owner's applications, sorted and paged in the database, or only the table for htmx. */
  String showApplications(
      ApplicationListPlace place,
      User me,
      String sort,
      String dir,
      int page,
      HttpServletRequest request,
      Model model) {
    ApplicationOrder order = ApplicationOrder.ofParam(sort).orElse(ApplicationOrder.NAME);
    boolean ascending = !"desc".equals(dir);
    ResultPage<ApplicationSummary> apps =
        management.applications(
            place.owner().id(), order, ascending, new ResultPage.Request(page, PAGE_SIZE));
    model.addAttribute("place", place);
    model.addAttribute("apps", apps.map(a -> new ApplicationRow(a, place.owner().name())));
    model.addAttribute("columns", ApplicationColumn.ALL);
    model.addAttribute("sort", order.param());
    model.addAttribute("dir", ascending ? "asc" : "desc");
    if (Htmx.isPartial(request)) {
      return "applications/oauth-applications :: table";
    }
    model.addAttribute("editable", place.company() ? List.of() : editableBy(me));
    return "applications/oauth-applications";
  }

  String showForm(ApplicationListPlace place, ApplicationForm form, Model model) {
    model.addAttribute("place", place);
    forms.addForm(place.owner(), form, model);
    return "applications/application-new";
  }

  /**
   * Registers the app, or shows the form again with every refusal next to its field. Nothing is
   * created unless every rule holds.
   */
  String processForm(
      ApplicationListPlace place,
      Actor actor,
      ApplicationForm form,
      BindingResult result,
      HttpServletResponse response,
      Model model) {
    List<FieldViolation> problems = form.problems();
    if (problems.isEmpty()) {
      try {
        IssuedApplication issued = management.register(actor, place.owner().id(), form.toDraft());
        return showIssued(place, issued, response, model);
      } catch (InvalidInput e) {
        problems = e.violations();
      }
    }
    ApplicationForms.reject(problems, result);
    return showForm(place, form, model);
  }

  /**
   * The one-time view of the new client secret (APP-3): rendered straight into the POST response,
   * never redirected to, never kept in the session or a flash attribute, never cached.
   */
  private String showIssued(
      ApplicationListPlace place,
      IssuedApplication issued,
      HttpServletResponse response,
      Model model) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    model.addAttribute("place", place);
    model.addAttribute("issued", issued);
    model.addAttribute("details", "/developer/oauth-applications/" + issued.application().id());
    return "applications/application-created";
  }

  /**
   * Apps of other owners the user may edit (collaborator, admin-team member), as far as {@code
   * ApplicationAccess} would let them open them: a light user edits none, and a company's app only
   * while the user belongs to that company.
   */
  private List<ApplicationRow> editableBy(User me) {
    if (me.isLight() || me.operator()) {
      return List.of();
    }
    UUID company = me.companyId();
    List<UUID> teams =
        company == null
            ? List.of()
            : List.copyOf(groups.groupIdsHoldingUser(company, me.id()).teamIds());
    Map<UUID, Optional<Account>> owners = new HashMap<>();
    List<ApplicationRow> rows = new ArrayList<>();
    for (ApplicationSummary app : management.editableBy(me, teams)) {
      Optional<Account> owner = owners.computeIfAbsent(app.ownerAccountId(), accounts::account);
      boolean reachable =
          owner
              .filter(o -> !o.id().equals(me.personalAccountId()))
              .filter(o -> !o.isCompanyType() || o.id().equals(company))
              .isPresent();
      if (reachable) {
        rows.add(new ApplicationRow(app, owner.get().name()));
      }
    }
    return rows;
  }
}
