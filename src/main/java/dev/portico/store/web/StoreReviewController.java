package dev.portico.store.web;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationPlace;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.store.LaunchChecklist;
import dev.portico.store.ManualChecklistItem;
import dev.portico.store.StoreEntries;
import dev.portico.store.StoreEntry;
import dev.portico.store.StoreReview;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.system.NotFound;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's side of the launch (STO-3), for the app's managers only (anyone else gets a 404 as
 * for no such app): ticking a manual checklist item and asking for publication. Both answer with
 * the entry's page; a refused request says there which items are missing and changes nothing.
 */
@Controller
@RequestMapping("/developer/oauth-applications/{appId}/store-entry")
class StoreReviewController {

  static final String ERROR = "launchError";

  private final ApplicationPlaces places;
  private final LaunchChecklist checklist;
  private final StoreReview review;
  private final StoreEntries entries;

  StoreReviewController(
      ApplicationPlaces places,
      LaunchChecklist checklist,
      StoreReview review,
      StoreEntries entries) {
    this.places = places;
    this.entries = entries;
    this.checklist = checklist;
    this.review = review;
  }

  @PostMapping("/checklist")
  String processTick(
      User me,
      Actor actor,
      @PathVariable UUID appId,
      @RequestParam(defaultValue = "") String item,
      @RequestParam(defaultValue = "false") boolean done,
      RedirectAttributes redirect) {
    ApplicationPlace place = places.forManager(me, appId);
    StoreEntry entry = entry(place);
    try {
      checklist.tick(actor, place.app(), item, done);
      String label = ManualChecklistItem.byKey(item).map(ManualChecklistItem::label).orElse(item);
      redirect.addFlashAttribute("flash", (done ? "Ticked " : "Unticked ") + "“" + label + "”");
    } catch (InvalidInput e) {
      redirect.addFlashAttribute(ERROR, "That is not a manual item of the launch checklist.");
    }
    return "redirect:" + entry.url();
  }

  @PostMapping("/publication")
  String processRequest(
      User me, Actor actor, @PathVariable UUID appId, RedirectAttributes redirect) {
    ApplicationPlace place = places.forManager(me, appId);
    StoreEntry entry = entry(place);
    try {
      review.requestPublication(actor, place.app());
      redirect.addFlashAttribute(
          "flash", "Asked for publication of " + entry.name() + ": the operator reviews it next");
    } catch (InvalidInput e) {
      redirect.addFlashAttribute(
          ERROR,
          "Publication was not requested: "
              + e.violations().stream()
                  .map(FieldViolation::message)
                  .collect(Collectors.joining(" ")));
    }
    return "redirect:" + entry.url();
  }

  private StoreEntry entry(ApplicationPlace place) {
    return entries.entryOf(place.app()).orElseThrow(() -> new NotFound("Store entry"));
  }
}
