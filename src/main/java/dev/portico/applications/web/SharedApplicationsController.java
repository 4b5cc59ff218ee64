package dev.portico.applications.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAccess;
import dev.portico.applications.ApplicationAssignments;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationOrder;
import dev.portico.applications.ApplicationSummary;
import dev.portico.applications.AssignmentCounts;
import dev.portico.system.Actor;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Company settings → Developer → Applications (SHR-1): the company's applications with how many
 * users, teams and aliases each is shared with, and each app's sharing panel. For the company's
 * admins and the operator; everyone else gets 404, as for a company that does not exist.
 */
@Controller
@RequestMapping("/accounts/{accountId}/developer/applications")
class SharedApplicationsController {

  private final ApplicationManagement management;
  private final ApplicationAccess access;
  private final ApplicationAssignments sharing;
  private final SharingPages pages;

  SharedApplicationsController(
      ApplicationManagement management,
      ApplicationAccess access,
      ApplicationAssignments sharing,
      SharingPages pages) {
    Assert.notNull(management, "management cannot be null");
    Assert.notNull(access, "access cannot be null");
    Assert.notNull(sharing, "sharing cannot be null");
    Assert.notNull(pages, "pages cannot be null");
    this.management = management;
    this.access = access;
    this.sharing = sharing;
    this.pages = pages;
  }

  @GetMapping
  String listApplications(
      User me,
      @PathVariable UUID accountId,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Account company = company(me, accountId);
    ResultPage<ApplicationSummary> apps =
        management.applications(
            company.id(),
            ApplicationOrder.NAME,
            true,
            new ResultPage.Request(page, SharingPages.PAGE_SIZE));
    var counts = sharing.counts(apps.items().stream().map(ApplicationSummary::id).toList());
    model.addAttribute("account", company);
    model.addAttribute(
        "apps",
        apps.map(a -> new SharedRow(a, counts.getOrDefault(a.id(), AssignmentCounts.NONE))));
    model.addAttribute("base", "/accounts/" + company.id() + "/developer/applications");
    return "applications/shared-applications";
  }

  @GetMapping("/{appId}")
  String showSharing(
      User me,
      @PathVariable UUID accountId,
      @PathVariable UUID appId,
      @RequestParam(defaultValue = "0") int page,
      @ModelAttribute("sharingForm") SharingForm form,
      Model model) {
    return pages.showPanel(place(me, accountId, appId), form, page, model);
  }

  /** The picker's options as the admin types (htmx). */
  @GetMapping("/{appId}/choices")
  String showChoices(
      User me,
      @PathVariable UUID accountId,
      @PathVariable UUID appId,
      @ModelAttribute("sharingForm") SharingForm form,
      HttpServletRequest request,
      Model model) {
    return pages.showChoices(place(me, accountId, appId), form, request, model);
  }

  @PostMapping("/{appId}/assignments")
  String processAddition(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable UUID appId,
      @ModelAttribute("sharingForm") SharingForm form,
      BindingResult result,
      RedirectAttributes redirect,
      Model model) {
    return pages.processAddition(place(me, accountId, appId), actor, form, result, redirect, model);
  }

  @PostMapping("/{appId}/assignments/{kind}/{targetId}/delete")
  String processRemoval(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @PathVariable UUID appId,
      @PathVariable String kind,
      @PathVariable UUID targetId,
      RedirectAttributes redirect) {
    return pages.processRemoval(place(me, accountId, appId), actor, kind, targetId, redirect);
  }

  /** A line of the list: the app and how many it is shared with. */
  record SharedRow(ApplicationSummary app, AssignmentCounts counts) {}

  private Account company(User me, UUID accountId) {
    Account account = management.requireOwner(me, accountId);
    if (!account.isCompanyType()) {
      // an individual's apps are shared with no one: there is no such page
      throw new NotFound("Account");
    }
    return account;
  }

  private SharingPlace place(User me, UUID accountId, UUID appId) {
    Account company = company(me, accountId);
    Application app = access.requireManager(me, appId);
    if (!app.ownerAccountId().equals(company.id())) {
      throw new NotFound("Application");
    }
    return new SharingPlace(
        app, company, "/accounts/" + company.id() + "/developer/applications/" + app.id(), null);
  }
}
