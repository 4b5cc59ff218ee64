package dev.portico.extensions.web;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationPlace;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.extensions.Extension;
import dev.portico.extensions.ExtensionDraft;
import dev.portico.extensions.ExtensionManagement;
import dev.portico.extensions.ExtensionRules;
import dev.portico.system.Actor;
import dev.portico.system.Htmx;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The add and edit forms of an extension (EXT-1, EXT-2, EXT-4), for the app's managers and editors.
 * The form narrows its choices as the location changes: htmx asks {@code /choices} for the context
 * and action-type selects, the body and response fields and the attribute hint of the location;
 * without JavaScript, "Update choices" sends the form back to be shown again, nothing saved.
 */
@Controller
@RequestMapping("/developer/oauth-applications/{appId}/extensions")
class ExtensionFormController {

  private static final String FORM = "extensions/extension-form";

  private final ApplicationPlaces places;
  private final ExtensionManagement extensions;

  ExtensionFormController(ApplicationPlaces places, ExtensionManagement extensions) {
    Assert.notNull(places, "places cannot be null");
    Assert.notNull(extensions, "extensions cannot be null");
    this.places = places;
    this.extensions = extensions;
  }

  @InitBinder("extension")
  void allowFields(WebDataBinder binder) {
    binder.setAllowedFields(ExtensionForm.FIELDS);
  }

  @GetMapping("/new")
  String initCreationForm(User me, @PathVariable UUID appId, Model model) {
    ApplicationPlace place = places.forEditor(me, appId);
    return showForm(place, null, new ExtensionForm(), model);
  }

  @PostMapping
  String processCreationForm(
      User me,
      Actor actor,
      @PathVariable UUID appId,
      @RequestParam(required = false) @Nullable String refresh,
      @ModelAttribute("extension") ExtensionForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    ApplicationPlace place = places.forEditor(me, appId);
    if (refresh != null) {
      return showForm(place, null, form, model);
    }
    try {
      Extension added = extensions.add(actor, place.app(), draft(form), form.iconChange());
      redirect.addFlashAttribute("flash", "Added extension " + added.name());
    } catch (InvalidInput e) {
      reject(e, form, result);
      return showForm(place, null, form, model);
    }
    return "redirect:" + place.base() + "/extensions";
  }

  @GetMapping("/{extId}")
  String initUpdateForm(User me, @PathVariable UUID appId, @PathVariable UUID extId, Model model) {
    ApplicationPlace place = places.forEditor(me, appId);
    Extension current = extensions.extension(place.app(), extId);
    return showForm(place, current, ExtensionForm.of(current), model);
  }

  @PostMapping("/{extId}")
  String processUpdateForm(
      User me,
      Actor actor,
      @PathVariable UUID appId,
      @PathVariable UUID extId,
      @RequestParam(required = false) @Nullable String refresh,
      @ModelAttribute("extension") ExtensionForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    ApplicationPlace place = places.forEditor(me, appId);
    Extension current = extensions.extension(place.app(), extId);
    if (refresh != null) {
      return showForm(place, current, form, model);
    }
    try {
      Extension saved =
          extensions.update(actor, place.app(), current.id(), draft(form), form.iconChange());
      redirect.addFlashAttribute("flash", "Saved extension " + saved.name());
    } catch (InvalidInput e) {
      reject(e, form, result);
      return showForm(place, current, form, model);
    }
    return "redirect:" + place.base() + "/extensions";
  }

  /** The part of the form that depends on the location: htmx swaps it when a choice changes. */
  @GetMapping("/choices")
  String showChoices(
      User me,
      @PathVariable UUID appId,
      @ModelAttribute("extension") ExtensionForm form,
      Model model,
      HttpServletRequest request) {
    ApplicationPlace place = places.forEditor(me, appId);
    showForm(place, null, form, model);
    return Htmx.view(request, FORM, "choices");
  }

  /** The draft, with a choice outside the catalogue and every rule reported at once. */
  private static ExtensionDraft draft(ExtensionForm form) {
    List<FieldViolation> unknown = new ArrayList<>();
    ExtensionDraft draft = form.toDraft(unknown);
    if (!unknown.isEmpty()) {
      List<FieldViolation> all = new ArrayList<>(unknown);
      ExtensionRules.check(draft).stream()
          .filter(v -> unknown.stream().noneMatch(u -> u.field().equals(v.field())))
          .forEach(all::add);
      throw new InvalidInput(all);
    }
    return draft;
  }

  /**
   * Puts the messages next to their fields, several of one field joined; asks for the icon file
   * again, since a file input cannot keep it.
   */
  private static void reject(InvalidInput e, ExtensionForm form, BindingResult result) {
    java.util.Map<String, List<String>> byField = new java.util.LinkedHashMap<>();
    for (FieldViolation v : e.violations()) {
      byField.computeIfAbsent(v.field(), f -> new ArrayList<>()).add(v.message());
    }
    byField.forEach(
        (field, messages) -> {
          if (List.of(ExtensionForm.FIELDS).contains(field)) {
            result.rejectValue(field, "invalid", String.join("; ", messages));
          } else {
            messages.forEach(m -> result.reject("invalid", m));
          }
        });
    if (form.hasIconFile() && !byField.containsKey("icon")) {
      result.rejectValue("icon", "again", "nothing was saved: choose the icon file again");
    }
  }

  private String showForm(
      ApplicationPlace place, @Nullable Extension current, ExtensionForm form, Model model) {
    model.addAttribute("place", place);
    model.addAttribute("current", current);
    model.addAttribute("extension", form);
    model.addAttribute("choices", ExtensionChoices.of(form));
    model.addAttribute(
        "action", place.base() + "/extensions" + (current == null ? "" : "/" + current.id()));
    return FORM;
  }
}
