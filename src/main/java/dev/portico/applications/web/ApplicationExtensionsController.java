package dev.portico.applications.web;

import dev.portico.accounts.User;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Extensions tab of an app (APP-4, §7), for its managers and editors. Until the extensions
 * feature lands it is an empty state that says what extensions are; it offers no action that would
 * lead nowhere.
 */
@Controller
class ApplicationExtensionsController {

  private final ApplicationPlaces places;

  ApplicationExtensionsController(ApplicationPlaces places) {
    Assert.notNull(places, "places cannot be null");
    this.places = places;
  }

  @GetMapping("/developer/oauth-applications/{appId}/extensions")
  String showExtensions(User me, @PathVariable UUID appId, Model model) {
    model.addAttribute("place", places.forEditor(me, appId));
    return "applications/extensions";
  }
}
