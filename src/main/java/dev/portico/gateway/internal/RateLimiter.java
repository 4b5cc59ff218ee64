package dev.portico.gateway.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Short-term rate limits (API-4, USE-4): a fixed one-minute window per credential (or per client
 * address for failed calls), counted on each node. Cheap enough for every call: one map lookup and
 * one atomic increment.
 */
final class RateLimiter {

  private final Clock clock;
  private final Cache<String, Window> windows;

  RateLimiter(Clock clock) {
    this.clock = clock;
    this.windows =
        Caffeine.newBuilder().maximumSize(500_000).expireAfterAccess(Duration.ofMinutes(2)).build();
  }

  /** Counts one call against the limit of this key. */
  Decision take(String key, int limitPerMinute) {
    long now = clock.millis();
    long minute = now / 60_000;
    Window window = windows.get(key, k -> new Window(minute));
    long used = window.increment(minute);
    long remaining = Math.max(0, limitPerMinute - used);
    long retryAfter = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
    return new Decision(used <= limitPerMinute, remaining, retryAfter);
  }

  /** Whether the call may proceed, how many remain in this window, and when to retry. */
  record Decision(boolean allowed, long remaining, long retryAfterSeconds) {}

  private static final class Window {
    private long minute;
    private final AtomicLong count = new AtomicLong();

    Window(long minute) {
      this.minute = minute;
    }

    synchronized long increment(long current) {
      if (current != minute) {
        minute = current;
        count.set(0);
      }
      return count.incrementAndGet();
    }
  }
}
