package dev.portico.applications.web;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationManagement;
import dev.portico.system.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * My account → Developer → OAuth applications (APP-1, APP-7): every user lists and registers the
 * apps of their personal account, and sees the apps of others they may edit (as a collaborator or a
 * member of an app's admin team).
 */
@Controller
@RequestMapping(MyApplicationsController.BASE)
class MyApplicationsController {

  static final String BASE = "/my/developer/oauth-applications";

  private final ApplicationManagement management;
  private final ApplicationListPages pages;

  MyApplicationsController(ApplicationManagement management, ApplicationListPages pages) {
    Assert.notNull(management, "management cannot be null");
    Assert.notNull(pages, "pages cannot be null");
    this.management = management;
    this.pages = pages;
  }

  @GetMapping
  String listApplications(
      User me,
      @RequestParam(defaultValue = "name") String sort,
      @RequestParam(defaultValue = "asc") String dir,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    return pages.showApplications(place(me), me, sort, dir, page, request, model);
  }

  @GetMapping("/new")
  String initCreationForm(User me, Model model) {
    return pages.showForm(place(me), new ApplicationForm(), model);
  }

  @PostMapping("/new")
  String processCreationForm(
      User me,
      Actor actor,
      @ModelAttribute("application") ApplicationForm form,
      BindingResult result,
      HttpServletResponse response,
      Model model) {
    return pages.processForm(place(me), actor, form, result, response, model);
  }

  private ApplicationListPlace place(User me) {
    return new ApplicationListPlace(management.requireOwner(me, me.personalAccountId()));
  }
}
