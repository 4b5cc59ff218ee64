package dev.portico.applications.web;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationPlace;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.system.Actor;
import dev.portico.system.NotFound;
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
 * The Users tab of a company's app (APP-4, SHR-1): the same sharing panel as Company settings →
 * Developer → Applications → app, for the app's managers. Editors, members and everyone else get
 * 404; so does an individual's app, which is shared with no one.
 */
@Controller
@RequestMapping("/developer/oauth-applications/{appId}/users")
class ApplicationUsersController {

  private final ApplicationPlaces places;
  private final SharingPages pages;

  ApplicationUsersController(ApplicationPlaces places, SharingPages pages) {
    Assert.notNull(places, "places cannot be null");
    Assert.notNull(pages, "pages cannot be null");
    this.places = places;
    this.pages = pages;
  }

  @GetMapping
  String showUsers(
      User me,
      @PathVariable UUID appId,
      @RequestParam(defaultValue = "0") int page,
      @ModelAttribute("sharingForm") SharingForm form,
      Model model) {
    return pages.showPanel(place(me, appId), form, page, model);
  }

  /** The picker's options as the admin types (htmx). */
  @GetMapping("/choices")
  String showChoices(
      User me,
      @PathVariable UUID appId,
      @ModelAttribute("sharingForm") SharingForm form,
      HttpServletRequest request,
      Model model) {
    return pages.showChoices(place(me, appId), form, request, model);
  }

  @PostMapping("/assignments")
  String processAddition(
      User me,
      Actor actor,
      @PathVariable UUID appId,
      @ModelAttribute("sharingForm") SharingForm form,
      BindingResult result,
      RedirectAttributes redirect,
      Model model) {
    return pages.processAddition(place(me, appId), actor, form, result, redirect, model);
  }

  @PostMapping("/assignments/{kind}/{targetId}/delete")
  String processRemoval(
      User me,
      Actor actor,
      @PathVariable UUID appId,
      @PathVariable String kind,
      @PathVariable UUID targetId,
      RedirectAttributes redirect) {
    return pages.processRemoval(place(me, appId), actor, kind, targetId, redirect);
  }

  private SharingPlace place(User me, UUID appId) {
    ApplicationPlace place = places.forManager(me, appId);
    if (!place.company()) {
      throw new NotFound("Application");
    }
    return new SharingPlace(place.app(), place.owner(), place.base() + "/users", place);
  }
}
