package dev.portico.applications.web;

import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationPlace;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.system.Actor;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An app's Details tab (APP-4) with its buttons: Create store entry (the store module's form at
 * {@code /store-entry}), Transfer ownership ({@link ApplicationTransferController}) and Delete
 * application (APP-5), which asks first and names what will be lost. Editors see Details; the rest
 * is for managers. Anyone else gets a 404, exactly as for an app that does not exist.
 */
@Controller
@RequestMapping("/developer/oauth-applications/{appId}")
class ApplicationDetailsController {

  private final ApplicationPlaces places;
  private final ApplicationManagement management;
  private final UserManagement users;

  ApplicationDetailsController(
      ApplicationPlaces places, ApplicationManagement management, UserManagement users) {
    Assert.notNull(places, "places cannot be null");
    Assert.notNull(management, "management cannot be null");
    Assert.notNull(users, "users cannot be null");
    this.places = places;
    this.management = management;
    this.users = users;
  }

  @GetMapping
  String showApplication(User me, @PathVariable UUID appId, Model model) {
    ApplicationPlace place = places.forEditor(me, appId);
    UUID creator = place.app().createdBy();
    model.addAttribute("place", place);
    model.addAttribute("creator", creator == null ? null : users.user(creator).orElse(null));
    model.addAttribute("scopes", place.app().scopes().stream().sorted().toList());
    return "applications/application-details";
  }

  @GetMapping("/delete")
  String initDeletion(User me, @PathVariable UUID appId, Model model) {
    ApplicationPlace place = places.forManager(me, appId);
    model.addAttribute("place", place);
    model.addAttribute("blocker", management.deletionBlocker(place.app()).orElse(null));
    return "applications/application-delete";
  }

  /** Deletes for good; an app a store entry keeps is refused with a 409 page (APP-5). */
  @PostMapping("/delete")
  String processDeletion(
      User me, Actor actor, @PathVariable UUID appId, RedirectAttributes redirect) {
    ApplicationPlace place = places.forManager(me, appId);
    Application app = place.app();
    management.delete(actor, app);
    redirect.addFlashAttribute(
        "flash",
        "Deleted the OAuth application “" + app.name() + "” (client id " + app.clientId() + ").");
    return "redirect:" + place.list();
  }
}
