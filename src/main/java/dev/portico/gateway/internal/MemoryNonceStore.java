package dev.portico.gateway.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The {@code memory} nonce store: this node's {@link MemoryNonceBuckets}, written behind to the
 * database and reloaded at start-up, so that a graceful restart does not reopen a replay window.
 *
 * <p><b>Strictness.</b> Strict on this node: the decision is made in memory, before the request is
 * answered. Not across nodes: another node does not know this node's nonces (choose {@code redis}
 * or {@code database} for several nodes).
 *
 * <p><b>Write-behind.</b> Every {@code nonce-write-behind-interval} (1 s) the identities accepted
 * since the last write are written to {@code gw_nonce_snapshot} as one row per 10 000 ({@link
 * NonceSnapshots}), stamped with the time of the write (never earlier than their use, so they are
 * kept at least as long as needed). At shutdown — after the web server has drained (phase {@link
 * DatabaseNonceStore#PHASE}) — new nonces are refused and what is left is written. A write that
 * fails is kept and retried at the next tick (replays stay refused from memory); entries older than
 * the window are no longer worth writing and are dropped. A crash (no shutdown) loses at most the
 * last interval's nonces: after the restart those requests could be replayed until their {@code
 * Date} is too old.
 *
 * <p><b>Start-up reload.</b> {@link #start} loads the rows younger than the window into the
 * buckets. Until a reload has succeeded the store answers {@link Use#UNAVAILABLE} (503, fail
 * closed: it does not know the nonces of before the restart); a failed reload is retried every
 * interval.
 */
final class MemoryNonceStore implements NonceStore, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MemoryNonceStore.class);
  private static final int BATCH = 10_000;

  /** Where the nonces are written behind and reloaded from ({@link NonceTable}). */
  interface Table {
    int[] insert(List<Key> keys, Instant seenAt);

    void forEachSince(Instant since, BiConsumer<Key, Instant> row);
  }

  private final MemoryNonceBuckets buckets;
  private final Table table;
  private final Clock clock;
  private final Duration window;
  private final Duration interval;
  private final OutageLog outages = new OutageLog(log);
  private final Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
  private final List<Accepted> unwritten = new ArrayList<>(); // the writer's own (synchronized)
  private final Object lifecycle = new Object();
  private volatile boolean running;
  private volatile boolean loaded;
  private @Nullable ScheduledExecutorService writer;

  MemoryNonceStore(Table table, Clock clock, Duration window, int capacity, Duration interval) {
    this.buckets = new MemoryNonceBuckets(window, capacity);
    this.table = table;
    this.clock = clock;
    this.window = window;
    this.interval = interval;
  }

  @Override
  public Use firstUse(String accessKey, String nonce) {
    if (!running || !loaded) {
      outages.warn("Nonce store (memory) not ready (start-up reload pending): refusing");
      return Use.UNAVAILABLE;
    }
    Key key = Key.of(accessKey, nonce);
    Instant now = clock.instant();
    Use use = buckets.add(key.identity(), now.toEpochMilli());
    if (use == Use.FIRST) {
      accepted.add(new Accepted(key, now));
    } else if (use == Use.UNAVAILABLE) {
      outages.warn("Nonce store (memory) full ({} nonces): refusing new ones", buckets.size());
    }
    return use;
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      if (running) {
        return;
      }
      reload();
      ScheduledExecutorService executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "portico-nonce-write-behind");
                t.setDaemon(true);
                return t;
              });
      executor.scheduleWithFixedDelay(
          this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
      writer = executor;
      running = true;
    }
  }

  /** Refuses new nonces, stops the ticks, then writes everything accepted and not yet written. */
  @Override
  public void stop() {
    synchronized (lifecycle) {
      if (!running) {
        return;
      }
      running = false;
      ScheduledExecutorService executor = writer;
      writer = null;
      if (executor != null) {
        executor.shutdown();
        try {
          executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (!write()) {
        log.error(
            "Nonce store (memory): {} nonces could not be written at shutdown; after the restart"
                + " they could be replayed until their Date is too old",
            unwrittenCount());
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return DatabaseNonceStore.PHASE;
  }

  /** One tick of the writer: the reload if still pending, the expired buckets, the write. */
  void tick() {
    try {
      if (!loaded) {
        reload();
      }
      buckets.dropExpired(clock.millis());
      write();
    } catch (RuntimeException e) {
      outages.warn("Nonce store (memory) write-behind failed: {}", e.toString());
    }
  }

  /** Writes what was accepted since the last write; false if some of it is still unwritten. */
  synchronized boolean write() {
    for (Accepted a; (a = accepted.poll()) != null; ) {
      unwritten.add(a);
    }
    Instant now = clock.instant();
    Instant oldest = now.minus(window);
    unwritten.removeIf(a -> a.at().isBefore(oldest)); // refused by its Date by now anyway
    unwritten.sort(
        Comparator.comparing((Accepted a) -> a.key().accessKey())
            .thenComparing(a -> a.key().nonce()));
    while (!unwritten.isEmpty()) {
      List<Accepted> batch = unwritten.subList(0, Math.min(BATCH, unwritten.size()));
      try {
        table.insert(batch.stream().map(Accepted::key).toList(), now);
      } catch (RuntimeException e) {
        outages.warn(
            "Nonce store (memory): {} nonces not written behind yet ({}); retrying",
            unwritten.size(),
            e.toString());
        return false;
      }
      batch.clear();
    }
    return true;
  }

  private synchronized int unwrittenCount() {
    return unwritten.size() + accepted.size();
  }

  /** Loads the rows younger than the window; on failure the store stays unavailable. */
  private void reload() {
    Instant now = clock.instant();
    long nowMillis = now.toEpochMilli();
    int[] counts = new int[2];
    try {
      table.forEachSince(
          now.minus(window),
          (key, at) ->
              counts[buckets.restore(key.identity(), at.toEpochMilli(), nowMillis) ? 0 : 1]++);
    } catch (RuntimeException e) {
      log.warn(
          "Nonce store (memory): cannot reload the recent nonces, refusing signed requests with"
              + " 503 until it can: {}",
          e.toString());
      return;
    }
    loaded = true;
    log.info(
        "Nonce store (memory): {} recent nonces reloaded{}",
        counts[0],
        counts[1] == 0 ? "" : " (" + counts[1] + " not: too old or the store is full)");
  }

  private record Accepted(Key key, Instant at) {}
}
