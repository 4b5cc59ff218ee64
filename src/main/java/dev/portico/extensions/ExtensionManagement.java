package dev.portico.extensions;

import dev.portico.applications.Application;
import dev.portico.extensions.internal.ExtensionRows;
import dev.portico.extensions.internal.IconPolicy;
import dev.portico.system.Actor;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Adds, changes and removes an app's extensions (EXT-1..EXT-4, EXT-6). The caller has resolved the
 * {@link Application} for a manager or editor ({@code ApplicationPlaces}, {@code
 * ApplicationAccess}); an extension id of another app is {@link NotFound}, as for none at all.
 * Every broken rule ({@link ExtensionRules}, the icon, the once-per-app locations) is answered at
 * once as {@link InvalidInput}, and nothing is stored. The once-per-app rule is the database's
 * unique key: two saves racing for an app's one element tab end with one row and one field error.
 */
@Service
@Transactional
public class ExtensionManagement {

  private final ExtensionRows rows;
  private final IconPolicy icons;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ExtensionManagement(
      ExtensionRows rows, IconPolicy icons, ApplicationEventPublisher events, Clock clock) {
    Assert.notNull(rows, "rows cannot be null");
    Assert.notNull(icons, "icons cannot be null");
    Assert.notNull(events, "events cannot be null");
    Assert.notNull(clock, "clock cannot be null");
    this.rows = rows;
    this.icons = icons;
    this.events = events;
    this.clock = clock;
  }

  /** The app's extensions by name. */
  @Transactional(readOnly = true)
  public List<Extension> extensions(UUID applicationId) {
    return rows.ofApplication(applicationId);
  }

  /** One page of the app's extensions by name. */
  @Transactional(readOnly = true)
  public ResultPage<Extension> extensions(UUID applicationId, ResultPage.Request page) {
    return new ResultPage<>(
        rows.ofApplication(applicationId, page.offset(), page.size()),
        page.page(),
        page.size(),
        rows.count(applicationId));
  }

  /** The app's extension with this id; {@link NotFound} when the app has none such. */
  @Transactional(readOnly = true)
  public Extension extension(Application app, UUID extensionId) {
    return rows.find(extensionId)
        .filter(e -> e.applicationId().equals(app.id()))
        .orElseThrow(() -> new NotFound("Extension"));
  }

  /** Adds an extension to the app. */
  public Extension add(Actor actor, Application app, ExtensionDraft draft, IconChange icon) {
    ExtensionRows.Icon accepted = checked(app, null, draft, icon);
    Instant now = clock.instant();
    Extension added =
        with(extension(UUID.randomUUID(), app, draft, null, now, actor.userId(), now), accepted);
    try {
      rows.insert(added, accepted);
    } catch (DuplicateKeyException e) {
      throw taken(draft);
    } catch (DataIntegrityViolationException e) {
      throw new NotFound("Application"); // deleted at this moment: the foreign key refused it
    }
    events.publishEvent(
        new ExtensionAdded(
            actor,
            app.ownerAccountId(),
            app.id(),
            app.name(),
            added.id(),
            added.name(),
            ExtensionDiff.of(added)));
    return added;
  }

  /** Replaces the extension's fields, and its icon as {@code icon} says. */
  public Extension update(
      Actor actor, Application app, UUID extensionId, ExtensionDraft draft, IconChange icon) {
    Extension current =
        rows.lock(extensionId)
            .filter(e -> e.applicationId().equals(app.id()))
            .orElseThrow(() -> new NotFound("Extension"));
    ExtensionRows.Icon accepted = checked(app, current.id(), draft, icon);
    Instant now = clock.instant();
    Extension changed =
        extension(
            current.id(),
            app,
            draft,
            icon.remove() ? null : current.iconType(),
            current.createdAt(),
            current.createdBy(),
            now);
    changed = accepted == null ? changed : with(changed, accepted);
    Map<String, String> diff = ExtensionDiff.between(current, changed, icon);
    if (diff.isEmpty()) {
      return current;
    }
    try {
      rows.update(changed);
    } catch (DuplicateKeyException e) {
      throw taken(draft);
    }
    if (accepted != null || (icon.remove() && current.iconType() != null)) {
      rows.setIcon(current.id(), accepted, now);
    }
    events.publishEvent(
        new ExtensionUpdated(
            actor, app.ownerAccountId(), app.id(), app.name(), current.id(), changed.name(), diff));
    return changed;
  }

  /** Removes the extension, with its icon. */
  public void remove(Actor actor, Application app, UUID extensionId) {
    Extension current =
        rows.lock(extensionId)
            .filter(e -> e.applicationId().equals(app.id()))
            .orElseThrow(() -> new NotFound("Extension"));
    rows.delete(current.id());
    events.publishEvent(
        new ExtensionRemoved(
            actor,
            app.ownerAccountId(),
            app.id(),
            app.name(),
            current.id(),
            current.name(),
            Map.of("location", current.location().name())));
  }

  /**
   * Every broken rule of the draft and the icon, answered at once; the icon to store when there is
   * a new one. {@code self}: the extension being changed, which may keep its own location.
   */
  private ExtensionRows.@Nullable Icon checked(
      Application app, @Nullable UUID self, ExtensionDraft draft, IconChange icon) {
    List<FieldViolation> found = new ArrayList<>(ExtensionRules.check(draft));
    ExtensionLocation location = draft.location();
    if (location != null
        && location.onePerApplication()
        && rows.ofApplication(app.id()).stream()
            .anyMatch(e -> e.location() == location && !e.id().equals(self))) {
      found.add(takenViolation(location));
    }
    ExtensionRows.Icon accepted = null;
    byte @Nullable [] upload = icon.bytes();
    if (upload != null) {
      try {
        accepted = icons.accept(upload);
      } catch (InvalidInput e) {
        found.addAll(e.violations());
      }
    }
    if (!found.isEmpty()) {
      throw new InvalidInput(found);
    }
    return accepted;
  }

  private static InvalidInput taken(ExtensionDraft draft) {
    ExtensionLocation location = java.util.Objects.requireNonNull(draft.location(), "location");
    return new InvalidInput(List.of(takenViolation(location)));
  }

  private static FieldViolation takenViolation(ExtensionLocation location) {
    String what =
        location == ExtensionLocation.ELEMENT_TAB ? "an element tab" : "a part number generator";
    return new FieldViolation("location", "this app already has " + what + " extension");
  }

  private static Extension extension(
      UUID id,
      Application app,
      ExtensionDraft d,
      @Nullable String iconType,
      Instant createdAt,
      @Nullable UUID createdBy,
      Instant now) {
    ExtensionLocation location = java.util.Objects.requireNonNull(d.location(), "location");
    return new Extension(
        id,
        app.id(),
        d.name(),
        d.description(),
        location,
        d.context(),
        d.actionUrl(),
        location == ExtensionLocation.PART_NUMBER_GENERATOR ? ActionType.POST : d.actionType(),
        d.actionBody(),
        d.showResponse(),
        iconType,
        createdAt,
        createdBy,
        now);
  }

  private static Extension with(Extension e, ExtensionRows.@Nullable Icon icon) {
    if (icon == null) {
      return e;
    }
    return new Extension(
        e.id(),
        e.applicationId(),
        e.name(),
        e.description(),
        e.location(),
        e.context(),
        e.actionUrl(),
        e.actionType(),
        e.actionBody(),
        e.showResponse(),
        icon.type(),
        e.createdAt(),
        e.createdBy(),
        e.updatedAt());
  }
}
