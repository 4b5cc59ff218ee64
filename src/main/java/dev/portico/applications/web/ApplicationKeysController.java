package dev.portico.applications.web;

import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationCredentials;
import dev.portico.applications.ApplicationPlace;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.applications.IssuedApplication;
import dev.portico.applications.SecretOverlap;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Keys and secret tab of an app (APP-3), for its managers: the client id to copy, when the
 * current secret was made, regeneration with "Keep the previous secret working for", and during an
 * overlap until when the previous secret works, when it was last used and "Revoke previous secret
 * now". A new secret is shown once, in the answer to the regenerate form: never redirected to,
 * never kept in the session or a flash attribute, never cached.
 */
@Controller
@RequestMapping("/developer/oauth-applications/{appId}/keys")
class ApplicationKeysController {

  private final ApplicationPlaces places;
  private final ApplicationCredentials management;
  private final Clock clock;

  ApplicationKeysController(
      ApplicationPlaces places, ApplicationCredentials management, Clock clock) {
    Assert.notNull(places, "places cannot be null");
    Assert.notNull(management, "management cannot be null");
    Assert.notNull(clock, "clock cannot be null");
    this.places = places;
    this.management = management;
    this.clock = clock;
  }

  @GetMapping
  String showKeys(User me, @PathVariable UUID appId, Model model) {
    return keysPage(places.forManager(me, appId), SecretOverlap.NONE.iso(), null, model);
  }

  @PostMapping("/regenerate")
  String processRegeneration(
      User me,
      Actor actor,
      @PathVariable UUID appId,
      @RequestParam(defaultValue = "PT0S") String keepPreviousFor,
      HttpServletResponse response,
      Model model) {
    ApplicationPlace place = places.forManager(me, appId);
    Optional<SecretOverlap> overlap = SecretOverlap.ofIso(keepPreviousFor);
    if (overlap.isEmpty()) {
      return keysPage(place, SecretOverlap.NONE.iso(), "choose one of the offered times", model);
    }
    IssuedApplication issued = management.regenerateSecret(actor, place.app(), overlap.get());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    ApplicationPlace renewed =
        new ApplicationPlace(issued.application(), place.owner(), place.role());
    model.addAttribute("place", renewed);
    model.addAttribute("issued", issued);
    model.addAttribute("previous", workingPrevious(issued.application()));
    return "applications/keys-regenerated";
  }

  @PostMapping("/previous/revoke")
  String processPreviousRevocation(
      User me, Actor actor, @PathVariable UUID appId, RedirectAttributes redirect) {
    ApplicationPlace place = places.forManager(me, appId);
    try {
      management.revokePreviousSecret(actor, place.app());
      redirect.addFlashAttribute(
          "flash", "Revoked the previous client secret: only the current secret works now.");
    } catch (Conflict e) {
      // a second click, or the overlap ended meanwhile: the outcome the user wanted already holds
      redirect.addFlashAttribute("flash", e.getMessage());
    }
    return "redirect:" + place.base() + "/keys";
  }

  private String keysPage(
      ApplicationPlace place, String chosen, @Nullable String overlapError, Model model) {
    model.addAttribute("place", place);
    model.addAttribute("previous", workingPrevious(place.app()));
    model.addAttribute("overlaps", List.of(SecretOverlap.values()));
    model.addAttribute("keepPreviousFor", chosen);
    model.addAttribute("overlapError", overlapError);
    return "applications/keys";
  }

  /** The previous secret while it still works; an expired overlap is no overlap. */
  private Application.@Nullable PreviousSecret workingPrevious(Application app) {
    Application.PreviousSecret previous = app.previousSecret();
    return previous != null && previous.expiresAt().isAfter(clock.instant()) ? previous : null;
  }
}
