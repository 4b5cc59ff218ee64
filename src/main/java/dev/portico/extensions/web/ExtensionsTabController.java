package dev.portico.extensions.web;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationPlace;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.extensions.Extension;
import dev.portico.extensions.ExtensionManagement;
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
 * The Extensions tab of an app (APP-4, §7), for its managers and editors: the app's extensions, and
 * the deletion of one behind a confirmation that names what is lost. Adding and editing: {@link
 * ExtensionFormController}.
 */
@Controller
@RequestMapping("/developer/oauth-applications/{appId}/extensions")
class ExtensionsTabController {

  private final ApplicationPlaces places;
  private final ExtensionManagement extensions;

  ExtensionsTabController(ApplicationPlaces places, ExtensionManagement extensions) {
    Assert.notNull(places, "places cannot be null");
    Assert.notNull(extensions, "extensions cannot be null");
    this.places = places;
    this.extensions = extensions;
  }

  @GetMapping
  String showExtensions(User me, @PathVariable UUID appId, Model model) {
    ApplicationPlace place = places.forEditor(me, appId);
    model.addAttribute("place", place);
    model.addAttribute("extensions", extensions.extensions(place.app().id()));
    return "extensions/extensions";
  }

  @GetMapping("/{extId}/delete")
  String initDeletion(User me, @PathVariable UUID appId, @PathVariable UUID extId, Model model) {
    ApplicationPlace place = places.forEditor(me, appId);
    model.addAttribute("place", place);
    model.addAttribute("ext", extensions.extension(place.app(), extId));
    return "extensions/extension-delete";
  }

  @PostMapping("/{extId}/delete")
  String processDeletion(
      User me,
      Actor actor,
      @PathVariable UUID appId,
      @PathVariable UUID extId,
      RedirectAttributes redirect) {
    ApplicationPlace place = places.forEditor(me, appId);
    Extension gone = extensions.extension(place.app(), extId);
    extensions.remove(actor, place.app(), gone.id());
    redirect.addFlashAttribute("flash", "Deleted extension " + gone.name());
    return "redirect:" + place.base() + "/extensions";
  }
}
