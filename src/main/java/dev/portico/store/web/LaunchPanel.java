package dev.portico.store.web;

import dev.portico.store.ChecklistItem;
import dev.portico.store.EntryState;
import dev.portico.store.LaunchChecklist;
import dev.portico.store.StoreEntry;
import dev.portico.store.StoreReview;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The launch panel of an entry's page, for the app's managers (STO-3): the checklist with its tick
 * boxes, what is missing, Request publication, and the operator's comments on a returned entry.
 * Adds {@code checklist}, {@code missing}, {@code mayRequest}, {@code editable}, {@code
 * requestedAt} and {@code returned} to the model (template {@code store/launch :: panel}).
 */
@Component
class LaunchPanel {

  private final LaunchChecklist checklist;
  private final StoreReview review;

  LaunchPanel(LaunchChecklist checklist, StoreReview review) {
    this.checklist = checklist;
    this.review = review;
  }

  void addTo(StoreEntry entry, boolean manager, Model model) {
    model.addAttribute("launch", manager);
    if (!manager) {
      return;
    }
    List<ChecklistItem> items = checklist.itemsOf(entry);
    boolean open = entry.state() == EntryState.PRIVATE || entry.state() == EntryState.RETURNED;
    List<ChecklistItem> missing = LaunchChecklist.missing(items);
    model.addAttribute("checklist", items);
    model.addAttribute("missing", missing);
    model.addAttribute("editable", open);
    model.addAttribute("mayRequest", open && missing.isEmpty());
    model.addAttribute("requestedAt", review.requestedAt(entry).orElse(null));
    model.addAttribute("returned", review.latestReturn(entry).orElse(null));
  }
}
