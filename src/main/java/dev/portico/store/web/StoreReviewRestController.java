package dev.portico.store.web;

import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.Actors;
import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAccess;
import dev.portico.store.LaunchChecklist;
import dev.portico.store.ReviewDecision;
import dev.portico.store.StoreEntry;
import dev.portico.store.StoreReview;
import dev.portico.system.InvalidInput;
import dev.portico.system.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review of store entries over REST (SPEC §13, STO-3): the app's managers ask for publication
 * (anyone else gets 404 as for no such entry), the operator approves or returns (a non-operator
 * gets 404, as on every operator path).
 */
@RestController
@Tag(name = "Store review", description = "Asking for publication and the operator's review")
class StoreReviewRestController {

  private final StoreReview review;
  private final LaunchChecklist checklist;
  private final ApplicationAccess access;
  private final AccountAccess accounts;

  StoreReviewRestController(
      StoreReview review,
      LaunchChecklist checklist,
      ApplicationAccess access,
      AccountAccess accounts) {
    this.review = review;
    this.checklist = checklist;
    this.access = access;
    this.accounts = accounts;
  }

  @PostMapping("/api/developer/store-entries/{entryId}/publication")
  @Operation(
      summary = "Ask for publication of a private or returned entry (the app's managers)",
      description =
          "Only when every launch checklist item is done; the entry is then `IN_REVIEW` and cannot"
              + " be changed until the operator decides.")
  @ApiResponse(responseCode = "200", description = "The entry, now `IN_REVIEW`")
  @ApiResponse(
      responseCode = "409",
      description = "The entry is in review or public already (`conflict`); nothing changed.")
  @ApiResponse(
      responseCode = "422",
      description =
          "The checklist is not complete (`invalid-input`): `errors[]` has one `checklist` item"
              + " per missing item; nothing changed.")
  StoreEntryBody requestPublication(
      ApiCaller caller, @PathVariable UUID entryId, HttpServletRequest request) {
    UUID appId = review.applicationOf(entryId).orElseThrow(() -> new NotFound("Store entry"));
    Application app = access.requireManager(caller, appId);
    StoreEntry entry = review.requestPublication(Actors.of(caller, request), app);
    return StoreEntryBody.of(entry, checklist.itemsOf(entry));
  }

  @PostMapping(
      path = "/api/operator/store-entries/{entryId}/review",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Approve or return an entry in review (operator only)",
      description =
          "`APPROVE` makes the entry `PUBLIC`; `RETURN` makes it `RETURNED` with the `comments`"
              + " (required, at most 2000 characters), which its owner sees. The owner's admins"
              + " are emailed either way.")
  @ApiResponse(responseCode = "200", description = "The entry after the decision")
  @ApiResponse(
      responseCode = "404",
      description =
          "No such entry, or the caller is not the operator: answered like a path that does not"
              + " exist (`not-found`).")
  @ApiResponse(
      responseCode = "409",
      description =
          "The entry is not in review (any more): another decision came first (`conflict`).")
  StoreEntryBody decide(
      ApiCaller caller,
      @PathVariable UUID entryId,
      @RequestBody ReviewBody body,
      HttpServletRequest request) {
    User operator = accounts.requireOperator(caller);
    StoreEntry entry =
        review.decide(
            Actors.of(caller, request), operator, entryId, body.decisionValue(), body.comments());
    return StoreEntryBody.of(entry, checklist.itemsOf(entry));
  }

  /** The operator's decision: {@code APPROVE} or {@code RETURN}, and comments on a return. */
  record ReviewBody(@Nullable String decision, @Nullable String comments) {

    @Nullable ReviewDecision decisionValue() {
      if (decision == null) {
        return null;
      }
      return Arrays.stream(ReviewDecision.values())
          .filter(d -> d.name().equals(decision))
          .findFirst()
          .orElseThrow(() -> InvalidInput.of("decision", "must be APPROVE or RETURN"));
    }
  }
}
