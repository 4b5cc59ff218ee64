package dev.portico.store.internal;

import dev.portico.system.ChangeSubscriber;
import dev.portico.system.ChangedSubjects;
import dev.portico.usage.UnmeteredApplications;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The apps whose store entry is PUBLIC, whose tokens' calls do not count (USE-2), kept in memory on
 * each node: the meter asks on every call, with no database round trip. The set is read once (one
 * query) and again after the change feed's topic {@value #TOPIC} says that an entry changed state —
 * on this node right after the commit, on the others within the feed's poll interval — so calls
 * stop counting from about the moment the entry is public.
 */
@Component
class PublicApplications implements UnmeteredApplications, ChangeSubscriber {

  /** The change feed topic of a store entry's state; the subject is the app's id. */
  static final String TOPIC = "store";

  private final EntryRows rows;
  private final AtomicLong generation = new AtomicLong();
  private volatile @Nullable Set<UUID> known;

  PublicApplications(EntryRows rows) {
    this.rows = rows;
  }

  @Override
  public boolean isUnmetered(UUID applicationId) {
    Set<UUID> ids = known;
    if (ids == null) {
      long before = generation.get();
      ids = Set.copyOf(rows.publicApplicationIds());
      synchronized (this) {
        if (generation.get() == before) {
          known = ids; // a change heard meanwhile leaves the set to be read again
        }
      }
    }
    return ids.contains(applicationId);
  }

  @Override
  public Set<String> topics() {
    return Set.of(TOPIC);
  }

  @Override
  public void changed(ChangedSubjects changes) {
    synchronized (this) {
      generation.incrementAndGet();
      known = null;
    }
  }
}
