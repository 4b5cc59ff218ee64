package dev.portico.store;

import dev.portico.applications.Application;
import dev.portico.store.internal.EntryRows;
import dev.portico.store.internal.ImagePolicy;
import dev.portico.system.Actor;
import dev.portico.system.NotFound;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An entry's images on their own (STO-1, the REST sub-resource): appended after the kept ones or
 * all removed, the entry's other fields untouched. Callers resolve the {@link Application} for one
 * of its managers first. The same {@link ImagePolicy} as the form: PNG or JPEG by their bytes, ≤ 2
 * MiB, ≤ 8 per entry, re-encoded; a refused file refuses the whole request and nothing is stored.
 * Audited as {@code store-entry.updated} with an {@code images} change.
 */
@Service
@Transactional
public class StoreEntryImages {

  private final EntryRows rows;
  private final ImagePolicy images;
  private final ApplicationEventPublisher events;

  StoreEntryImages(EntryRows rows, ImagePolicy images, ApplicationEventPublisher events) {
    this.rows = rows;
    this.images = images;
    this.events = events;
  }

  /** Appends the uploads after the entry's images, in order; the entry as it is then. */
  public StoreEntry add(Actor actor, Application app, List<ImageUpload> uploads) {
    StoreEntry current = locked(app);
    List<ImagePolicy.Image> accepted =
        images.accept(current.imageCount(), ImageUpload.bytesOf(uploads));
    rows.addImages(current.id(), accepted);
    publish(actor, app, current, "added " + accepted.size());
    return rows.find(current.id()).orElseThrow();
  }

  /** Removes every image of the entry. */
  public StoreEntry removeAll(Actor actor, Application app) {
    StoreEntry current = locked(app);
    rows.clearImages(current.id());
    publish(actor, app, current, "removed " + current.imageCount());
    return rows.find(current.id()).orElseThrow();
  }

  /** The app's entry, read again under its row lock (the image count is then exact). */
  private StoreEntry locked(Application app) {
    StoreEntry entry = rows.ofApplication(app.id()).orElseThrow(() -> new NotFound("Store entry"));
    rows.lock(entry.id());
    return rows.find(entry.id()).orElseThrow(() -> new NotFound("Store entry"));
  }

  private void publish(Actor actor, Application app, StoreEntry e, String change) {
    events.publishEvent(
        new StoreEntryChanged(
            actor,
            app.ownerAccountId(),
            app.id(),
            e.id(),
            e.name(),
            "store-entry.updated",
            Map.of("images", change)));
  }
}
