package dev.portico.gateway.internal;

import dev.portico.gateway.internal.NonceStore.Use;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * A time-bucketed set of replay identities, remembered at least {@code window} (twice the clock
 * skew) after they were added, with no per-entry expiry work.
 *
 * <p>Time is cut into slots of {@code window / 10} (at least 1 s); each slot has one bucket, a
 * concurrent set, in a ring of {@code 11} places. An identity is added to the bucket of the current
 * slot; a lookup checks the ring's live buckets (the 11 most recent slots). A bucket is dropped
 * whole when its place in the ring is needed for a new slot, or by {@link #dropExpired}: by then
 * every identity in it is older than the window.
 *
 * <p><b>Strict on this node.</b> Two requests with one identity at the same time are never both
 * first: each adds to its bucket before it checks the others, so if the slot changes between them
 * at least one sees the other (both may then be refused, which is fail closed). Only an entry that
 * answered {@link Use#FIRST} is never taken back before it expires.
 *
 * <p><b>Bounded.</b> At most {@code capacity} identities are held; a new identity beyond that is
 * {@link Use#UNAVAILABLE} (503), never an out-of-memory error. A replay is still {@link
 * Use#REPLAYED}.
 */
final class MemoryNonceBuckets {

  static final int SLOTS_PER_WINDOW = 10;

  private final long slotMillis;
  private final int places;
  private final int capacity;
  private final AtomicReferenceArray<@Nullable Bucket> ring;
  private final AtomicInteger size = new AtomicInteger();

  MemoryNonceBuckets(Duration window, int capacity) {
    this.slotMillis = Math.max(1000, window.toMillis() / SLOTS_PER_WINDOW);
    // ceil(window / slot) slots cover the window; one more for the slot in progress
    this.places = (int) ((window.toMillis() + slotMillis - 1) / slotMillis) + 1;
    this.capacity = capacity;
    this.ring = new AtomicReferenceArray<>(places);
  }

  /** Adds the identity at {@code nowMillis} unless a live bucket holds it. */
  Use add(String identity, long nowMillis) {
    long slot = nowMillis / slotMillis;
    Bucket current = bucket(slot);
    if (!current.ids().add(identity)) {
      return Use.REPLAYED;
    }
    int held = size.incrementAndGet();
    for (int i = 0; i < places; i++) {
      Bucket other = ring.get(i);
      if (other != null
          && other != current
          && other.slot() > slot - places
          && other.ids().contains(identity)) {
        undo(current, identity);
        return Use.REPLAYED;
      }
    }
    if (held > capacity) {
      undo(current, identity);
      return Use.UNAVAILABLE;
    }
    return Use.FIRST;
  }

  /** Takes back an addition that is not a first use (only a first use's entry is never removed). */
  private void undo(Bucket bucket, String identity) {
    if (bucket.ids().remove(identity)) {
      size.decrementAndGet();
    }
  }

  /**
   * Puts an identity recorded at {@code atMillis} (a reload) in its slot's bucket, if that slot is
   * still live at {@code nowMillis}; false when it is too old or the set is full.
   */
  boolean restore(String identity, long atMillis, long nowMillis) {
    long slot = Math.min(atMillis, nowMillis) / slotMillis;
    if (slot <= nowMillis / slotMillis - places || size.get() >= capacity) {
      return false;
    }
    if (bucket(slot).ids().add(identity)) {
      size.incrementAndGet();
    }
    return true;
  }

  /** Drops every bucket whose slot is no longer live at {@code nowMillis}. */
  void dropExpired(long nowMillis) {
    long oldestLive = nowMillis / slotMillis - places + 1;
    for (int i = 0; i < places; i++) {
      Bucket b = ring.get(i);
      if (b != null && b.slot() < oldestLive && ring.compareAndSet(i, b, null)) {
        size.addAndGet(-b.ids().size());
      }
    }
  }

  /** Identities held now. */
  int size() {
    return size.get();
  }

  /** The bucket of this slot, made (dropping the ring place's older bucket) when missing. */
  private Bucket bucket(long slot) {
    int place = (int) Math.floorMod(slot, (long) places);
    while (true) {
      Bucket b = ring.get(place);
      if (b != null && b.slot() == slot) {
        return b;
      }
      if (b != null && b.slot() > slot) {
        return b; // a newer slot already (a thread stalled for a whole window): use it
      }
      Bucket made = new Bucket(slot, ConcurrentHashMap.newKeySet());
      if (ring.compareAndSet(place, b, made)) {
        if (b != null) {
          size.addAndGet(-b.ids().size());
        }
        return made;
      }
    }
  }

  private record Bucket(long slot, Set<String> ids) {}
}
