package dev.portico.extensions.web;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.extensions.internal.ExtensionRows;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Extensions tab of an app (APP-4, §7), for its managers and editors: the app's extensions. */
@Controller
class ExtensionsTabController {

  private final ApplicationPlaces places;
  private final ExtensionRows extensions;

  ExtensionsTabController(ApplicationPlaces places, ExtensionRows extensions) {
    Assert.notNull(places, "places cannot be null");
    Assert.notNull(extensions, "extensions cannot be null");
    this.places = places;
    this.extensions = extensions;
  }

  @GetMapping("/developer/oauth-applications/{appId}/extensions")
  String showExtensions(User me, @PathVariable UUID appId, Model model) {
    var place = places.forEditor(me, appId);
    model.addAttribute("place", place);
    model.addAttribute("extensions", extensions.ofApplication(place.app().id()));
    return "extensions/extensions";
  }
}
