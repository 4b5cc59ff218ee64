package dev.portico.applications.web;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationOAuthSettings;
import dev.portico.applications.ApplicationPlace;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.applications.ExternalOAuth;
import dev.portico.applications.internal.ExternalClientRegistrations;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The External OAuth tab of an app (APP-6), for its managers: Portico as an OAuth client of the
 * app's own server, so that extension actions can call it with the user's External OAuth token. The
 * client secret is stored sealed and never shown again: the page only says that one is set.
 */
@Controller
@RequestMapping("/developer/oauth-applications/{appId}/external-oauth")
class ExternalOAuthController {

  private static final Set<String> FIELDS =
      Set.of("clientId", "clientSecret", "authorizationUrl", "tokenUrl", "scopes");

  private final ApplicationPlaces places;
  private final ApplicationOAuthSettings management;

  ExternalOAuthController(ApplicationPlaces places, ApplicationOAuthSettings management) {
    Assert.notNull(places, "places cannot be null");
    Assert.notNull(management, "management cannot be null");
    this.places = places;
    this.management = management;
  }

  @GetMapping
  String initUpdateForm(User me, @PathVariable UUID appId, Model model) {
    ApplicationPlace place = places.forManager(me, appId);
    Optional<ExternalOAuth> current = management.externalOAuth(place.app().id());
    return showForm(
        place,
        current,
        current.map(ExternalOAuthForm::of).orElseGet(ExternalOAuthForm::new),
        model);
  }

  @PostMapping
  String processUpdateForm(
      User me,
      Actor actor,
      @PathVariable UUID appId,
      @ModelAttribute("externalOAuth") ExternalOAuthForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    ApplicationPlace place = places.forManager(me, appId);
    try {
      management.updateExternalOAuth(actor, place.app(), form.toDraft());
    } catch (InvalidInput e) {
      TabForms.reject(e, result, FIELDS);
      if (form.hasSecret() && !result.hasFieldErrors("clientSecret")) {
        result.rejectValue(
            "clientSecret", "retype", "nothing was saved: enter the client secret again");
      }
      return showForm(place, management.externalOAuth(place.app().id()), form, model);
    }
    redirect.addFlashAttribute("flash", "Saved the External OAuth configuration.");
    return "redirect:" + place.base() + "/external-oauth";
  }

  @PostMapping("/remove")
  String processRemoval(
      User me, Actor actor, @PathVariable UUID appId, RedirectAttributes redirect) {
    ApplicationPlace place = places.forManager(me, appId);
    management.removeExternalOAuth(actor, place.app());
    redirect.addFlashAttribute(
        "flash",
        "Removed the External OAuth configuration, its client secret and the External access"
            + " tokens users had granted.");
    return "redirect:" + place.base() + "/external-oauth";
  }

  private String showForm(
      ApplicationPlace place,
      Optional<ExternalOAuth> current,
      ExternalOAuthForm form,
      Model model) {
    model.addAttribute("place", place);
    model.addAttribute("externalOAuth", form);
    model.addAttribute("configured", current.isPresent());
    model.addAttribute("secretSet", current.map(ExternalOAuth::clientSecretSet).orElse(false));
    model.addAttribute(
        "callbackUrl",
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path(ExternalClientRegistrations.CALLBACK_PATH + place.app().id())
            .toUriString());
    return "applications/external-oauth";
  }
}
