package dev.portico.store;

import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationType;
import dev.portico.store.internal.DescriptionRenderer;
import dev.portico.store.internal.EntryRows;
import dev.portico.store.internal.EntryVisibility;
import dev.portico.store.internal.ImagePolicy;
import dev.portico.system.Actor;
import dev.portico.system.Conflict;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.system.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, deletes and shows store entries (STO-1, STO-2). Callers resolve the {@link
 * Application} for one of its managers first; every broken rule, images included, is one {@link
 * InvalidInput} and nothing is stored. Who may view an entry is {@link EntryVisibility}'s rule
 * ({@link #visibleTo}); everyone else finds nothing, as for an id that does not exist.
 */
@Service
@Transactional
public class StoreEntries {

  private final EntryRows rows;
  private final ImagePolicy images;
  private final DescriptionRenderer renderer;
  private final GroupManagement groups;
  private final EntryVisibility visibility;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  StoreEntries(
      EntryRows rows,
      ImagePolicy images,
      DescriptionRenderer renderer,
      GroupManagement groups,
      EntryVisibility visibility,
      ApplicationEventPublisher events,
      Clock clock) {
    this.rows = rows;
    this.images = images;
    this.renderer = renderer;
    this.groups = groups;
    this.visibility = visibility;
    this.events = events;
    this.clock = clock;
  }

  /** The app's entry, if it has one. */
  @Transactional(readOnly = true)
  public Optional<StoreEntry> entryOf(Application app) {
    return rows.ofApplication(app.id());
  }

  /** The account's entries by name (Developer → Store entries). */
  @Transactional(readOnly = true)
  public List<StoreEntry> ofAccount(UUID accountId) {
    return rows.ofOwner(accountId);
  }

  /** A draft for a new entry: name, summary and type from the app (STO-1). */
  public static StoreEntryDraft prefilled(Application app) {
    return new StoreEntryDraft(
        app.name(),
        app.summary(),
        app.type().name(),
        "",
        TeamVisibility.NONE.name(),
        Set.of(),
        null,
        null,
        null,
        null,
        null);
  }

  /** Creates the app's entry, private (STO-2); a second one for the app is a {@link Conflict}. */
  public StoreEntry create(
      Actor actor, Application app, StoreEntryDraft draft, List<ImageUpload> uploads) {
    List<ImagePolicy.Image> accepted = checked(app, draft, 0, uploads);
    if (rows.idOfApplication(app.id()).isPresent()) {
      throw new Conflict("The app already has a store entry.");
    }
    Instant now = clock.instant();
    StoreEntry entry = entry(UUID.randomUUID(), app, draft, EntryState.PRIVATE, now, now);
    try {
      rows.insert(entry, actor.userId());
    } catch (DuplicateKeyException e) {
      throw new Conflict("The app already has a store entry.");
    } catch (DataIntegrityViolationException e) {
      throw new NotFound("Application");
    }
    rows.addImages(entry.id(), accepted);
    publish(actor, app, entry, "store-entry.created", StoreEntryDiff.of(entry));
    return rows.find(entry.id()).orElseThrow();
  }

  /**
   * Replaces the entry's fields; adds the uploaded images after the kept ones, or after none when
   * {@code removeImages}. An entry in review is frozen: a {@link Conflict} (STO-3).
   */
  public StoreEntry update(
      Actor actor,
      Application app,
      StoreEntryDraft draft,
      List<ImageUpload> uploads,
      boolean removeImages) {
    rows.lock(entryOf(app).orElseThrow(() -> new NotFound("Store entry")).id());
    StoreEntry current = entryOf(app).orElseThrow(() -> new NotFound("Store entry"));
    if (current.state() == EntryState.IN_REVIEW) {
      throw new Conflict("The entry is in review: change it once the operator has decided.");
    }
    List<ImagePolicy.Image> accepted =
        checked(app, draft, removeImages ? 0 : current.imageCount(), uploads);
    StoreEntry changed =
        entry(current.id(), app, draft, current.state(), current.createdAt(), clock.instant());
    rows.update(changed);
    if (removeImages) {
      rows.clearImages(current.id());
    }
    rows.addImages(current.id(), accepted);
    Map<String, String> diff = new LinkedHashMap<>(StoreEntryDiff.changes(current, changed));
    if (removeImages || !accepted.isEmpty()) {
      diff.put("images", "changed");
    }
    publish(actor, app, changed, "store-entry.updated", diff);
    return rows.find(current.id()).orElseThrow();
  }

  /** Deletes the app's entry with its images; the app may then be deleted (APP-5). */
  public void delete(Actor actor, Application app) {
    StoreEntry current = entryOf(app).orElseThrow(() -> new NotFound("Store entry"));
    rows.lock(current.id());
    rows.delete(current.id());
    publish(actor, app, current, "store-entry.deleted", Map.of("name", current.name()));
  }

  /** The entry, if this user may view it ({@link EntryVisibility}); otherwise empty. */
  @Transactional(readOnly = true)
  public Optional<StoreEntry> visibleTo(User me, UUID entryId) {
    return rows.find(entryId).filter(entry -> visibility.sees(me, entry));
  }

  /** Whether the user manages the entry's app (sees and edits the entry). */
  @Transactional(readOnly = true)
  public boolean manages(User me, StoreEntry entry) {
    return visibility.manages(me, entry);
  }

  /** Image {@code n} of an entry the user may view. */
  @Transactional(readOnly = true)
  public Optional<StoreImage> image(User me, UUID entryId, int n) {
    if (n < 1 || n > ImagePolicy.MAX_IMAGES) {
      return Optional.empty();
    }
    return visibleTo(me, entryId)
        .flatMap(e -> rows.image(e.id(), n))
        .map(i -> new StoreImage(i.contentType(), i.bytes()));
  }

  /** The description as safe HTML (STO-1's Markdown subset), empty for none. */
  public String descriptionHtml(StoreEntry entry) {
    String description = entry.description();
    return description == null ? "" : renderer.render(description);
  }

  /** Every broken rule of the draft and images for the app's entry ({@code current} or new). */
  @Transactional(readOnly = true)
  public void check(
      Application app,
      StoreEntryDraft draft,
      @Nullable StoreEntry current,
      List<ImageUpload> uploads) {
    checked(app, draft, current == null ? 0 : current.imageCount(), uploads);
  }

  private List<ImagePolicy.Image> checked(
      Application app, StoreEntryDraft draft, int kept, List<ImageUpload> uploads) {
    Set<UUID> known =
        draft.visibleTeamIds().isEmpty()
            ? Set.of()
            : groups.names(GroupKind.TEAM, app.ownerAccountId(), draft.visibleTeamIds()).keySet();
    List<FieldViolation> found =
        new ArrayList<>(StoreEntryRules.check(draft, app, known::contains));
    List<ImagePolicy.Image> accepted = List.of();
    try {
      accepted = images.accept(kept, ImageUpload.bytesOf(uploads));
    } catch (InvalidInput e) {
      found.addAll(e.violations());
    }
    if (!found.isEmpty()) {
      throw new InvalidInput(found);
    }
    return accepted;
  }

  private static StoreEntry entry(
      UUID id,
      Application app,
      StoreEntryDraft d,
      EntryState state,
      Instant created,
      Instant updated) {
    return new StoreEntry(
        id,
        app.id(),
        app.ownerAccountId(),
        d.name().strip(),
        d.summary().strip(),
        ApplicationType.valueOf(d.type()),
        StoreCategory.valueOf(d.category()),
        TeamVisibility.valueOf(d.teamVisibility()),
        d.visibleTeamIds(),
        blankToNull(d.description()),
        blankToNull(d.supportUrl()),
        blankToNull(d.supportEmail()),
        blankToNull(d.vendor()),
        blankToNull(d.version()),
        state,
        0,
        created,
        updated);
  }

  private void publish(
      Actor actor, Application app, StoreEntry e, String action, Map<String, String> diff) {
    events.publishEvent(
        new StoreEntryChanged(
            actor, app.ownerAccountId(), app.id(), e.id(), e.name(), action, diff));
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
