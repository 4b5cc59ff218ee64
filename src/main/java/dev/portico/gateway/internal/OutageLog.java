package dev.portico.gateway.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/** Logs a store failure at most every 10 s: an outage must not flood the log. */
final class OutageLog {

  private static final long EVERY_MILLIS = 10_000;

  private final Logger log;
  private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);

  OutageLog(Logger log) {
    this.log = log;
  }

  void warn(String message, Object... args) {
    long now = System.nanoTime() / 1_000_000;
    long last = lastLogged.get();
    if ((last == Long.MIN_VALUE || now - last >= EVERY_MILLIS)
        && lastLogged.compareAndSet(last, now)) {
      log.warn(message, args);
    }
  }
}
