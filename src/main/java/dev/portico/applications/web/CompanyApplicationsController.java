package dev.portico.applications.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.User;
import dev.portico.applications.ApplicationManagement;
import dev.portico.system.Actor;
import dev.portico.system.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/**
 * Company settings → Developer → OAuth applications (APP-1, APP-7): the company's admins (and the
 * operator) list and register the company's apps. Everyone else gets a 404, as for a company that
 * does not exist.
 */
@Controller
@RequestMapping("/accounts/{accountId}/developer/oauth-applications")
class CompanyApplicationsController {

  private final ApplicationManagement management;
  private final ApplicationListPages pages;

  CompanyApplicationsController(ApplicationManagement management, ApplicationListPages pages) {
    Assert.notNull(management, "management cannot be null");
    Assert.notNull(pages, "pages cannot be null");
    this.management = management;
    this.pages = pages;
  }

  @GetMapping
  String listApplications(
      User me,
      @PathVariable UUID accountId,
      @RequestParam(defaultValue = "name") String sort,
      @RequestParam(defaultValue = "asc") String dir,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    return pages.showApplications(place(me, accountId), me, sort, dir, page, request, model);
  }

  @GetMapping("/new")
  String initCreationForm(User me, @PathVariable UUID accountId, Model model) {
    return pages.showForm(place(me, accountId), new ApplicationForm(), model);
  }

  @PostMapping("/new")
  String processCreationForm(
      User me,
      Actor actor,
      @PathVariable UUID accountId,
      @ModelAttribute("application") ApplicationForm form,
      BindingResult result,
      HttpServletResponse response,
      Model model) {
    return pages.processForm(place(me, accountId), actor, form, result, response, model);
  }

  private ApplicationListPlace place(User me, UUID accountId) {
    Account owner = management.requireOwner(me, accountId);
    if (!owner.isCompanyType()) {
      // A personal account's apps live under My account, whoever asks.
      throw new NotFound("Account");
    }
    return new ApplicationListPlace(owner);
  }
}
