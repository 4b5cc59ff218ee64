package dev.portico.applications.web;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationOAuthSettings;
import dev.portico.applications.ApplicationPlace;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.applications.ApplicationsSettings;
import dev.portico.applications.PlatformOAuth;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import java.util.Optional;
import java.util.Set;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Platform OAuth tab of an app (APP-4, the reference platform's "Onshape OAuth"), for its
 * managers: how long the app's access and refresh tokens live, within the bounds of {@code
 * portico.applications.*}, and, for a company's app, whether the company's own users skip the grant
 * screen.
 */
@Controller
@RequestMapping("/developer/oauth-applications/{appId}/platform-oauth")
class PlatformOAuthController {

  private static final Set<String> FIELDS =
      Set.of("accessTokenLifetime", "refreshTokenLifetime", "skipConsentForOwnCompany");

  private final ApplicationPlaces places;
  private final ApplicationOAuthSettings management;
  private final ApplicationsSettings settings;

  PlatformOAuthController(
      ApplicationPlaces places,
      ApplicationOAuthSettings management,
      ApplicationsSettings settings) {
    Assert.notNull(places, "places cannot be null");
    Assert.notNull(management, "management cannot be null");
    Assert.notNull(settings, "settings cannot be null");
    this.places = places;
    this.management = management;
    this.settings = settings;
  }

  @GetMapping
  String initUpdateForm(User me, @PathVariable UUID appId, Model model) {
    ApplicationPlace place = places.forManager(me, appId);
    return showForm(place, PlatformOAuthForm.of(place.app().platformOAuth()), model);
  }

  @PostMapping
  String processUpdateForm(
      User me,
      Actor actor,
      @PathVariable UUID appId,
      @ModelAttribute("platformOAuth") PlatformOAuthForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    ApplicationPlace place = places.forManager(me, appId);
    Optional<PlatformOAuth> wanted = form.toPlatformOAuth(result);
    if (wanted.isEmpty()) {
      return showForm(place, form, model);
    }
    try {
      management.updatePlatformOAuth(actor, place.app(), wanted.get());
    } catch (InvalidInput e) {
      TabForms.reject(
          e,
          result,
          place.company() ? FIELDS : Set.of("accessTokenLifetime", "refreshTokenLifetime"));
      return showForm(place, form, model);
    }
    redirect.addFlashAttribute("flash", "Saved the Platform OAuth settings.");
    return "redirect:" + place.base() + "/platform-oauth";
  }

  private String showForm(ApplicationPlace place, PlatformOAuthForm form, Model model) {
    model.addAttribute("place", place);
    model.addAttribute("platformOAuth", form);
    model.addAttribute("units", PlatformOAuthForm.Unit.values());
    model.addAttribute(
        "accessBounds",
        "Between "
            + PlatformOAuthForm.words(settings.minAccessTokenLifetime())
            + " and "
            + PlatformOAuthForm.words(settings.maxAccessTokenLifetime())
            + "; new apps get "
            + PlatformOAuthForm.words(settings.accessTokenLifetime())
            + ".");
    model.addAttribute(
        "refreshBounds",
        "Between "
            + PlatformOAuthForm.words(settings.minRefreshTokenLifetime())
            + " and "
            + PlatformOAuthForm.words(settings.maxRefreshTokenLifetime())
            + ", or as long as the grant lasts: until the user or an admin revokes it.");
    return "applications/platform-oauth";
  }
}
