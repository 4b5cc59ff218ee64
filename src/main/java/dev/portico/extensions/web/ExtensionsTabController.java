package dev.portico.extensions.web;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationPlace;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.extensions.Extension;
import dev.portico.extensions.ExtensionManagement;
import dev.portico.extensions.internal.ExtensionPreviews;
import dev.portico.extensions.internal.PreviewPage;
import dev.portico.system.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
  private final ExtensionPreviews previews;

  ExtensionsTabController(
      ApplicationPlaces places, ExtensionManagement extensions, ExtensionPreviews previews) {
    Assert.notNull(places, "places cannot be null");
    Assert.notNull(extensions, "extensions cannot be null");
    Assert.notNull(previews, "previews cannot be null");
    this.places = places;
    this.extensions = extensions;
    this.previews = previews;
  }

  /**
   * The list, and below it the Preview section with the default sample values (editing them goes to
   * the Preview page). The page frames the extensions' pages, so it sends the preview's policy.
   */
  @GetMapping
  String showExtensions(
      User me,
      @PathVariable UUID appId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    ApplicationPlace place = places.forEditor(me, appId);
    PreviewPage preview =
        previews.page(
            place.app(),
            me,
            ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(),
            request.getLocale(),
            Map.of());
    response.setHeader("Content-Security-Policy", preview.contentSecurityPolicy());
    model.addAttribute("place", place);
    model.addAttribute("extensions", extensions.extensions(place.app().id()));
    model.addAttribute("previews", preview);
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
