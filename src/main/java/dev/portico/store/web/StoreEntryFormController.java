package dev.portico.store.web;

import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.User;
import dev.portico.applications.ApplicationPlace;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.store.ImageUpload;
import dev.portico.store.StoreCategory;
import dev.portico.store.StoreEntries;
import dev.portico.store.StoreEntry;
import dev.portico.store.StoreEntryDraft;
import dev.portico.store.internal.ImagePolicy;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The app's store entry form (STO-1), new or edit, and its deletion (STO-2), for the app's managers
 * only; anyone else gets a 404 as for no such app. Every broken rule is shown at its field with
 * what was typed kept, and nothing is stored.
 */
@Controller
@RequestMapping("/developer/oauth-applications/{appId}/store-entry")
class StoreEntryFormController {

  private static final String FORM = "store/entry-form";

  private final ApplicationPlaces places;
  private final StoreEntries entries;
  private final GroupManagement groups;

  StoreEntryFormController(ApplicationPlaces places, StoreEntries entries, GroupManagement groups) {
    this.places = places;
    this.entries = entries;
    this.groups = groups;
  }

  @InitBinder("entry")
  void allowFields(WebDataBinder binder) {
    binder.setAllowedFields(StoreEntryForm.FIELDS);
  }

  @GetMapping({"", "/new"})
  String initForm(User me, @PathVariable UUID appId, Model model) {
    ApplicationPlace place = places.forManager(me, appId);
    StoreEntry current = entries.entryOf(place.app()).orElse(null);
    StoreEntryDraft draft =
        current == null ? StoreEntries.prefilled(place.app()) : StoreEntryDraft.of(current);
    return showForm(place, current, StoreEntryForm.of(draft), model);
  }

  @PostMapping
  String processForm(
      User me,
      Actor actor,
      @PathVariable UUID appId,
      @ModelAttribute("entry") StoreEntryForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    ApplicationPlace place = places.forManager(me, appId);
    StoreEntry current = entries.entryOf(place.app()).orElse(null);
    try {
      List<FieldViolation> unreadable = new ArrayList<>();
      StoreEntryDraft draft = form.toDraft(unreadable);
      if (!unreadable.isEmpty()) {
        List<FieldViolation> all = new ArrayList<>(unreadable);
        try {
          entries.check(place.app(), draft, current, form.uploads(ImagePolicy.MAX_BYTES));
        } catch (InvalidInput e) {
          e.violations().stream()
              .filter(v -> !v.field().equals("visibleTeamIds"))
              .forEach(all::add);
        }
        throw new InvalidInput(all);
      }
      List<ImageUpload> uploads = form.uploads(ImagePolicy.MAX_BYTES);
      StoreEntry saved =
          current == null
              ? entries.create(actor, place.app(), draft, uploads)
              : entries.update(actor, place.app(), draft, uploads, form.isRemoveImages());
      redirect.addFlashAttribute(
          "flash",
          (current == null ? "Created store entry " : "Saved store entry ") + saved.name());
      return "redirect:" + saved.url();
    } catch (InvalidInput e) {
      reject(e, form, result);
      return showForm(place, current, form, model);
    }
  }

  @GetMapping("/delete")
  String initDeletion(User me, @PathVariable UUID appId, Model model) {
    ApplicationPlace place = places.forManager(me, appId);
    StoreEntry current =
        entries
            .entryOf(place.app())
            .orElseThrow(() -> new dev.portico.system.NotFound("Store entry"));
    model.addAttribute("place", place);
    model.addAttribute("entry", current);
    return "store/entry-delete";
  }

  @PostMapping("/delete")
  String processDeletion(
      User me, Actor actor, @PathVariable UUID appId, RedirectAttributes redirect) {
    ApplicationPlace place = places.forManager(me, appId);
    StoreEntry current =
        entries
            .entryOf(place.app())
            .orElseThrow(() -> new dev.portico.system.NotFound("Store entry"));
    entries.delete(actor, place.app());
    redirect.addFlashAttribute("flash", "Deleted store entry " + current.name());
    return "redirect:" + place.base();
  }

  private static void reject(InvalidInput e, StoreEntryForm form, BindingResult result) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (FieldViolation v : e.violations()) {
      byField.computeIfAbsent(v.field(), f -> new ArrayList<>()).add(v.message());
    }
    byField.forEach(
        (field, messages) -> {
          if (List.of(StoreEntryForm.FIELDS).contains(field)) {
            result.rejectValue(field, "invalid", String.join("; ", messages));
          } else {
            messages.forEach(m -> result.reject("invalid", m));
          }
        });
    if (form.hasImageFiles() && !byField.containsKey("images")) {
      result.rejectValue("images", "again", "nothing was saved: choose the image files again");
    }
  }

  private String showForm(
      ApplicationPlace place, @Nullable StoreEntry current, StoreEntryForm form, Model model) {
    Set<UUID> chosen = new java.util.HashSet<>();
    form.toDraft(new ArrayList<>()).visibleTeamIds().forEach(chosen::add);
    model.addAttribute("place", place);
    model.addAttribute("current", current);
    model.addAttribute("entry", form);
    model.addAttribute("categories", StoreCategory.values());
    model.addAttribute(
        "teams",
        place.company()
            ? groups.choices(GroupKind.TEAM, place.app().ownerAccountId(), chosen, 200)
            : List.of());
    model.addAttribute("maxImages", ImagePolicy.MAX_IMAGES);
    return FORM;
  }
}
