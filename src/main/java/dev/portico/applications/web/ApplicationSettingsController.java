package dev.portico.applications.web;

import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationPlace;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import java.util.List;
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
 * An app's Settings tab (everything of APP-2 but the primary format, which is immutable) and its
 * Permissions tab (the scopes; widening them makes existing grants ask again, APP-4). Managers and
 * editors may use both; both save through {@link ApplicationManagement#update}, so the rules are
 * those of registration.
 */
@Controller
@RequestMapping("/developer/oauth-applications/{appId}")
class ApplicationSettingsController {

  private final ApplicationPlaces places;
  private final ApplicationManagement management;
  private final ApplicationForms forms;

  ApplicationSettingsController(
      ApplicationPlaces places, ApplicationManagement management, ApplicationForms forms) {
    Assert.notNull(places, "places cannot be null");
    Assert.notNull(management, "management cannot be null");
    Assert.notNull(forms, "forms cannot be null");
    this.places = places;
    this.management = management;
    this.forms = forms;
  }

  @GetMapping("/settings")
  String initSettingsForm(User me, @PathVariable UUID appId, Model model) {
    ApplicationPlace place = places.forEditor(me, appId);
    return showSettings(place, ApplicationForm.of(place.app()), model);
  }

  /**
   * Saves the settings. The form sends no primary format (its input is disabled); one that does
   * must send the registered one, or the service refuses it at the field.
   */
  @PostMapping("/settings")
  String processSettingsForm(
      User me,
      Actor actor,
      @PathVariable UUID appId,
      @ModelAttribute("application") ApplicationForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    ApplicationPlace place = places.forEditor(me, appId);
    Application app = place.app();
    String format = form.getPrimaryFormat();
    if (format == null || format.isBlank()) {
      form.setPrimaryFormat(app.primaryFormat());
    }
    List<FieldViolation> problems = form.problems();
    if (problems.isEmpty()) {
      try {
        management.update(actor, app, place.role(), form.toDraft());
        redirect.addFlashAttribute("flash", "Saved the settings.");
        return "redirect:" + place.base() + "/settings";
      } catch (InvalidInput e) {
        problems = e.violations();
      }
    }
    ApplicationForms.reject(problems, result);
    return showSettings(place, form, model);
  }

  @GetMapping("/permissions")
  String initPermissionsForm(User me, @PathVariable UUID appId, Model model) {
    ApplicationPlace place = places.forEditor(me, appId);
    return showPermissions(place, ApplicationForm.of(place.app()), model);
  }

  /** Saves the scopes; everything else of the app stays as it is. */
  @PostMapping("/permissions")
  String processPermissionsForm(
      User me,
      Actor actor,
      @PathVariable UUID appId,
      @ModelAttribute("application") ApplicationForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    ApplicationPlace place = places.forEditor(me, appId);
    Application app = place.app();
    List<FieldViolation> problems =
        form.problems().stream().filter(p -> p.field().equals("scopes")).toList();
    if (problems.isEmpty()) {
      try {
        Application saved = management.update(actor, app, place.role(), form.toScopesOf(app));
        redirect.addFlashAttribute(
            "flash",
            saved.consentEpoch() > app.consentEpoch()
                ? "Saved the permissions. The app now asks for more: users who granted it before"
                    + " will be asked again the next time they authorize it."
                : "Saved the permissions.");
        return "redirect:" + place.base() + "/permissions";
      } catch (InvalidInput e) {
        problems = e.violations();
      }
    }
    ApplicationForms.reject(problems, result, Set.of("scopes"));
    return showPermissions(place, form, model);
  }

  private String showSettings(ApplicationPlace place, ApplicationForm form, Model model) {
    model.addAttribute("place", place);
    forms.addForm(place.owner(), form, model);
    return "applications/application-settings";
  }

  private String showPermissions(ApplicationPlace place, ApplicationForm form, Model model) {
    model.addAttribute("place", place);
    forms.addForm(place.owner(), form, model);
    return "applications/application-permissions";
  }
}
