package dev.portico.store.web;

import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.User;
import dev.portico.store.LaunchChecklist;
import dev.portico.store.ReviewDecision;
import dev.portico.store.StoreEntries;
import dev.portico.store.StoreEntry;
import dev.portico.store.StoreImage;
import dev.portico.store.StoreReview;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operator → Store review (STO-3): the entries in review, oldest request first, and each one's
 * review page — the entry as the store will show it, its checklist and history — with Approve and
 * Return (comments required). The console chain refuses {@code /operator/**} to non-operators; each
 * handler checks again against the database (404). A decision that lost a race is a 409.
 */
@Controller
@RequestMapping("/operator/store-review")
class OperatorStoreReviewController {

  private final StoreReview review;
  private final StoreEntries entries;
  private final LaunchChecklist checklist;
  private final AccountAccess access;

  OperatorStoreReviewController(
      StoreReview review, StoreEntries entries, LaunchChecklist checklist, AccountAccess access) {
    this.review = review;
    this.entries = entries;
    this.checklist = checklist;
    this.access = access;
  }

  @GetMapping
  String showQueue(User me, Model model) {
    User operator = access.requireOperator(me.id());
    model.addAttribute("queue", review.queue(operator));
    return "store/review-queue";
  }

  @GetMapping("/{entryId}")
  String showEntry(User me, @PathVariable UUID entryId, Model model) {
    User operator = access.requireOperator(me.id());
    return page(review.forOperator(operator, entryId), "", null, model);
  }

  @PostMapping("/{entryId}")
  String processDecision(
      User me,
      Actor actor,
      @PathVariable UUID entryId,
      @RequestParam(defaultValue = "") String decision,
      @RequestParam(defaultValue = "") String comments,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    User operator = access.requireOperator(me.id());
    StoreEntry entry = review.forOperator(operator, entryId);
    try {
      ReviewDecision chosen =
          Arrays.stream(ReviewDecision.values())
              .filter(d -> d.name().equals(decision))
              .findFirst()
              .orElseThrow(() -> InvalidInput.of("decision", "choose Approve or Return"));
      StoreEntry decided = review.decide(actor, operator, entryId, chosen, comments);
      redirect.addFlashAttribute(
          "flash",
          (chosen == ReviewDecision.APPROVE ? "Approved " : "Returned ")
              + decided.name()
              + (chosen == ReviewDecision.APPROVE ? ": it is public" : " to its owner"));
      return "redirect:/operator/store-review";
    } catch (InvalidInput e) {
      response.setStatus(422);
      InvalidInput.FieldViolation v = e.violations().get(0);
      model.addAttribute("decisionError", v.field().equals("comments") ? null : v.message());
      return page(entry, comments, v.field().equals("comments") ? v.message() : null, model);
    }
  }

  /** An image of any entry, for the operator, with the same headers as the entry page's. */
  @GetMapping("/{entryId}/images/{n}")
  ResponseEntity<Resource> showImage(User me, @PathVariable UUID entryId, @PathVariable int n) {
    User operator = access.requireOperator(me.id());
    StoreImage image =
        review.imageForOperator(operator, entryId, n).orElseThrow(() -> new NotFound("Image"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(image.contentType()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'")
        .cacheControl(CacheControl.noCache().cachePrivate())
        .body(image.body());
  }

  private String page(
      StoreEntry entry, String comments, @Nullable String commentsError, Model model) {
    model.addAttribute("entry", entry);
    model.addAttribute("descriptionHtml", entries.descriptionHtml(entry));
    model.addAttribute("images", IntStream.rangeClosed(1, entry.imageCount()).boxed().toList());
    model.addAttribute("checklist", checklist.itemsOf(entry));
    model.addAttribute("history", review.history(entry));
    model.addAttribute("requestedAt", review.requestedAt(entry).orElse(null));
    model.addAttribute("ownerName", review.ownerName(entry));
    model.addAttribute("comments", comments);
    model.addAttribute("commentsError", commentsError);
    model.addAttribute("maxComments", StoreReview.MAX_COMMENTS);
    return "store/review";
  }
}
