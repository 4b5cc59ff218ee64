package dev.portico.store;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.store.internal.EntryRows;
import dev.portico.store.internal.ReviewRows;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.system.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of store entries (STO-3): a private or returned entry whose launch checklist is done
 * asks for publication ({@code IN_REVIEW}); the operator approves it ({@code PUBLIC}) or returns it
 * with comments ({@code RETURNED}), after which it may ask again. Every step runs under the entry's
 * row lock with the state it expects checked, so of two racing decisions one wins and the other is
 * a {@link Conflict}; every step is audited ({@link StoreEntryChanged}) and kept in the history.
 * Becoming public is recorded on the change feed (topic {@code store}, by {@code
 * StoreChangeFeedListener}); the owner's admins are emailed the outcome ({@link
 * StoreReviewDecided}).
 */
@Service
@Transactional
public class StoreReview {

  public static final int MAX_COMMENTS = 2000;

  private final EntryRows entries;
  private final ReviewRows rows;
  private final LaunchChecklist checklist;
  private final AccountManagement accounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  StoreReview(
      EntryRows entries,
      ReviewRows rows,
      LaunchChecklist checklist,
      AccountManagement accounts,
      ApplicationEventPublisher events,
      Clock clock) {
    this.entries = entries;
    this.rows = rows;
    this.checklist = checklist;
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
  }

  /** The id of the entry's app, to resolve it for a manager; empty for no such entry. */
  @Transactional(readOnly = true)
  public Optional<UUID> applicationOf(UUID entryId) {
    return entries.find(entryId).map(StoreEntry::applicationId);
  }

  /**
   * Asks for review of the app's entry: only from {@code PRIVATE} or {@code RETURNED} (otherwise a
   * {@link Conflict}) and only with every checklist item done (otherwise an {@link InvalidInput} on
   * {@code checklist} naming each missing item; nothing changes).
   */
  public StoreEntry requestPublication(Actor actor, Application app) {
    StoreEntry entry =
        locked(entries.idOfApplication(app.id()).orElseThrow(() -> new NotFound("Store entry")));
    if (entry.state() != EntryState.PRIVATE && entry.state() != EntryState.RETURNED) {
      throw new Conflict("The entry is " + words(entry.state()) + ": it cannot ask for review.");
    }
    List<ChecklistItem> missing = LaunchChecklist.missing(checklist.itemsOf(app, entry));
    if (!missing.isEmpty()) {
      throw new InvalidInput(
          missing.stream()
              .map(i -> new FieldViolation("checklist", i.label() + " is not done: " + i.hint()))
              .toList());
    }
    Instant now = clock.instant();
    rows.moveTo(entry.id(), EntryState.IN_REVIEW, now, now, null);
    step(actor, entry, ReviewStep.Kind.REQUESTED, null, now);
    publish(actor, entry, "store-entry.publication-requested", EntryState.IN_REVIEW, Map.of());
    return entries.find(entry.id()).orElseThrow();
  }

  /** The operator's decision on an entry in review; the comments are required to return it. */
  public StoreEntry decide(
      Actor actor,
      User operator,
      UUID entryId,
      @Nullable ReviewDecision decision,
      @Nullable String comments) {
    if (!operator.operator() || !operator.isActive()) {
      throw new NotFound("Store entry");
    }
    if (decision == null) {
      throw InvalidInput.of("decision", "must be APPROVE or RETURN");
    }
    String checked = decision == ReviewDecision.RETURN ? comments(comments) : null;
    StoreEntry entry = locked(entryId);
    if (entry.state() != EntryState.IN_REVIEW) {
      throw new Conflict(
          "The entry is " + words(entry.state()) + ", no longer in review: nothing was changed.");
    }
    Instant now = clock.instant();
    if (decision == ReviewDecision.APPROVE) {
      rows.moveTo(entry.id(), EntryState.PUBLIC, now, null, now);
      step(actor, entry, ReviewStep.Kind.APPROVED, null, now);
      publish(actor, entry, "store-entry.approved", EntryState.PUBLIC, Map.of());
    } else {
      rows.moveTo(entry.id(), EntryState.RETURNED, now, null, null);
      step(actor, entry, ReviewStep.Kind.RETURNED, checked, now);
      publish(
          actor,
          entry,
          "store-entry.returned",
          EntryState.RETURNED,
          Map.of("comments", java.util.Objects.requireNonNull(checked)));
    }
    events.publishEvent(
        new StoreReviewDecided(
            entry.ownerAccountId(),
            entry.applicationId(),
            entry.id(),
            entry.name(),
            decision == ReviewDecision.APPROVE,
            checked,
            now));
    return entries.find(entry.id()).orElseThrow();
  }

  /** The entries in review, oldest request first (the operator's queue). */
  @Transactional(readOnly = true)
  public List<QueuedEntry> queue(User operator) {
    requireOperator(operator);
    return rows.inReview().stream()
        .flatMap(
            q ->
                entries.find(q.entryId()).stream()
                    .map(e -> new QueuedEntry(e, ownerName(e), q.requestedAt())))
        .toList();
  }

  /** The name of the account that owns the entry's app. */
  @Transactional(readOnly = true)
  public String ownerName(StoreEntry entry) {
    return accounts.account(entry.ownerAccountId()).map(Account::name).orElse("—");
  }

  /** Any entry, for the operator to review it. */
  @Transactional(readOnly = true)
  public StoreEntry forOperator(User operator, UUID entryId) {
    requireOperator(operator);
    return entries.find(entryId).orElseThrow(() -> new NotFound("Store entry"));
  }

  /** Image {@code n} of any entry, for the operator. */
  @Transactional(readOnly = true)
  public Optional<StoreImage> imageForOperator(User operator, UUID entryId, int n) {
    requireOperator(operator);
    return n < 1
        ? Optional.empty()
        : entries.image(entryId, n).map(i -> new StoreImage(i.contentType(), i.bytes()));
  }

  /** The entry's review history, newest first. */
  @Transactional(readOnly = true)
  public List<ReviewStep> history(StoreEntry entry) {
    return rows.steps(entry.id());
  }

  /** The operator's latest comments while the entry is returned. */
  @Transactional(readOnly = true)
  public Optional<ReviewStep> latestReturn(StoreEntry entry) {
    if (entry.state() != EntryState.RETURNED) {
      return Optional.empty();
    }
    return rows.steps(entry.id()).stream()
        .filter(s -> s.kind() == ReviewStep.Kind.RETURNED)
        .findFirst();
  }

  /** When the entry last asked for review, if ever. */
  @Transactional(readOnly = true)
  public Optional<Instant> requestedAt(StoreEntry entry) {
    return rows.requestedAt(entry.id());
  }

  private StoreEntry locked(UUID entryId) {
    if (!entries.lock(entryId)) {
      throw new NotFound("Store entry");
    }
    return entries.find(entryId).orElseThrow(() -> new NotFound("Store entry"));
  }

  private static String comments(@Nullable String comments) {
    String text = comments == null ? "" : comments.strip().replace("\r\n", "\n");
    if (text.isEmpty()) {
      throw InvalidInput.of("comments", "must say what to change before the entry is returned");
    }
    if (text.length() > MAX_COMMENTS) {
      throw InvalidInput.of("comments", "must be at most " + MAX_COMMENTS + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((Character.isISOControl(c) && c != '\n' && c != '\t')
          || (c >= 0x202A && c <= 0x202E)
          || (c >= 0x2066 && c <= 0x2069)) {
        throw InvalidInput.of("comments", "must not contain control characters");
      }
    }
    return text;
  }

  private static void requireOperator(User operator) {
    if (!operator.operator() || !operator.isActive()) {
      throw new NotFound("Page");
    }
  }

  private void step(
      Actor actor, StoreEntry entry, ReviewStep.Kind kind, @Nullable String comments, Instant at) {
    rows.addStep(entry.id(), new ReviewStep(kind, comments, actor.email(), at), actor.userId());
  }

  private void publish(
      Actor actor, StoreEntry entry, String action, EntryState to, Map<String, String> more) {
    Map<String, String> diff = new LinkedHashMap<>();
    diff.put("state", entry.state().name() + " → " + to.name());
    diff.putAll(more);
    events.publishEvent(
        new StoreEntryChanged(
            actor,
            entry.ownerAccountId(),
            entry.applicationId(),
            entry.id(),
            entry.name(),
            action,
            diff));
  }

  private static String words(EntryState state) {
    return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
