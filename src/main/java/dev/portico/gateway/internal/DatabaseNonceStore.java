package dev.portico.gateway.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portico.gateway.GatewaySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The {@code database} nonce store ({@link NonceStore}): decides whether the nonce of a signed
 * request is used for the first time, on any node (KEY-5), and refuses whenever it cannot tell for
 * sure. The identity ({@link NonceStore.Key}) is kept for twice the clock skew; {@link NonceTable}
 * purges older rows.
 *
 * <p><b>Where it is decided.</b> The primary key of {@code gw_nonce}, before the request is
 * answered. The gateway asks only after the signature, the key, its user and stack and the rate
 * limit have passed (see {@link ApiAuthenticationFilter}): a nonce cannot be spent without the
 * secret, and calls over the rate limit cost no write.
 *
 * <p><b>Fail closed.</b> {@link #firstUse} answers {@link Use#FIRST} only for an insert whose
 * update count is exactly 1; a count of 0 is {@link Use#REPLAYED}; anything else — an unknown count
 * such as {@code SUCCESS_NO_INFO}, an exception, no answer within {@code nonce-timeout}, a full
 * queue, a node shutting down — is {@link Use#UNAVAILABLE}, which the gateway answers with 503
 * {@code nonce_store_unavailable}. Nothing is ever accepted without the database's word.
 *
 * <p><b>Group commit.</b> Request threads queue their nonce and wait; a few writer threads (a
 * managed executor started and stopped with the application, {@code nonce-writers}) each take
 * everything queued (up to 500) and insert it in one transaction, one JDBC batch, in key order so
 * that two nodes' batches never deadlock. Under load one round-trip serves many requests; idle, it
 * serves one. A batch whose requests all gave up already is not written. Stopping lets the writers
 * finish the batch in hand, then fails every request still queued as unavailable. On PostgreSQL the
 * batch's transaction commits with {@code synchronous_commit} off (see {@link NonceTable}): a crash
 * of the database server can forget the last fraction of a second of nonces, whose requests are
 * still bound by their {@code Date}.
 *
 * <p><b>Local fast path.</b> Each node also remembers the identities it has passed to the database,
 * so a replay to the same node is refused without a round-trip. An identity whose write was not
 * confirmed is forgotten again: the next request with it is decided by the database (which may
 * still have recorded it, so a client retries a 503 with a new nonce).
 */
final class DatabaseNonceStore implements NonceStore, SmartLifecycle {

  /** Starts before and stops after the web server (phase {@code DEFAULT_PHASE - 2048}). */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private static final Logger log = LoggerFactory.getLogger(DatabaseNonceStore.class);
  private static final int MAX_BATCH = 500;
  private static final int MAX_QUEUED = 20_000;
  private static final long POLL_MILLIS = 100;

  /** Writes a batch of identities; one update count per key, in the order given. */
  @FunctionalInterface
  interface Store {
    int[] insert(List<Key> keys, Instant seenAt);
  }

  private final Store store;
  private final Clock clock;
  private final Duration timeout;
  private final int writerCount;
  private final Cache<Key, Boolean> seen;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
  private final OutageLog outages = new OutageLog(log);
  private final Object lifecycle = new Object();
  private volatile boolean running;
  private @Nullable ThreadPoolTaskExecutor writers;

  DatabaseNonceStore(Store store, Clock clock, GatewaySettings settings) {
    this.store = store;
    this.clock = clock;
    this.timeout = settings.nonceTimeout();
    this.writerCount = Math.max(1, settings.nonceWriters());
    this.seen =
        Caffeine.newBuilder()
            .maximumSize(settings.nonceLocalCacheSize())
            .expireAfterWrite(settings.maxClockSkew().multipliedBy(2))
            .build();
  }

  /**
   * Records the access key's nonce (compared in lower case) if no node saw it before; waits at most
   * {@code nonce-timeout} for the database.
   */
  @Override
  public Use firstUse(String accessKey, String nonce) {
    Key key = Key.of(accessKey, nonce);
    if (seen.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
      return Use.REPLAYED;
    }
    Use use = record(key);
    if (use == Use.UNAVAILABLE) {
      seen.asMap().remove(key, Boolean.TRUE);
    }
    return use;
  }

  private Use record(Key key) {
    if (!running) {
      return Use.UNAVAILABLE;
    }
    Pending pending = new Pending(key, new CompletableFuture<>());
    if (!queue.offer(pending)) {
      outages.warn("Nonce queue full ({} waiting): refusing", MAX_QUEUED);
      return Use.UNAVAILABLE;
    }
    if (!running) {
      failQueued(); // stop() may have drained the queue before this request joined it
    }
    try {
      return pending.result().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException e) {
      outages.warn("Nonce store gave no answer within {}: refusing", timeout);
    } catch (ExecutionException e) {
      outages.warn("Nonce store failed: refusing ({})", String.valueOf(e.getCause()));
    }
    // whichever comes first wins: a writer's late but definite answer, or "unavailable"
    pending.result().complete(Use.UNAVAILABLE);
    return pending.result().join();
  }

  /**
   * How an update count of {@code insert … on conflict do nothing} reads: only 1 is a first use.
   */
  static Use useOf(int updateCount) {
    return switch (updateCount) {
      case 1 -> Use.FIRST;
      case 0 -> Use.REPLAYED;
      default -> Use.UNAVAILABLE; // SUCCESS_NO_INFO, EXECUTE_FAILED or anything unexpected
    };
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      if (running) {
        return;
      }
      ThreadPoolTaskExecutor executor = newExecutor();
      executor.initialize();
      writers = executor;
      running = true;
      for (int i = 0; i < writerCount; i++) {
        executor.execute(this::writeLoop);
      }
    }
  }

  /**
   * Stops taking nonces, lets each writer finish the batch in hand, then answers every request
   * still queued with {@link Use#UNAVAILABLE}.
   */
  @Override
  public void stop() {
    synchronized (lifecycle) {
      if (!running) {
        return;
      }
      running = false;
      if (writers != null) {
        writers.shutdown(); // waits for the writers: each notices within POLL_MILLIS
        writers = null;
      }
      failQueued();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private ThreadPoolTaskExecutor newExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("portico-nonce-writer-");
    executor.setCorePoolSize(writerCount);
    executor.setMaxPoolSize(writerCount);
    executor.setQueueCapacity(0);
    executor.setDaemon(true);
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationMillis(timeout.toMillis() + 5 * POLL_MILLIS);
    return executor;
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    try {
      while (running) {
        Pending first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      batch.forEach(p -> p.result().complete(Use.UNAVAILABLE));
    }
  }

  /** One transaction for the batch; every request in it gets the database's word or UNAVAILABLE. */
  private void write(List<Pending> batch) {
    List<Pending> waiting =
        batch.stream()
            .filter(p -> !p.result().isDone()) // its request gave up already: no need to write
            .sorted(
                Comparator.comparing((Pending p) -> p.key().accessKey())
                    .thenComparing(p -> p.key().nonce()))
            .toList();
    if (waiting.isEmpty()) {
      return;
    }
    int[] counts;
    try {
      counts = store.insert(waiting.stream().map(Pending::key).toList(), clock.instant());
    } catch (RuntimeException e) {
      outages.warn("Nonce store failed, {} requests refused: {}", waiting.size(), e.toString());
      waiting.forEach(p -> p.result().complete(Use.UNAVAILABLE));
      return;
    }
    if (counts.length != waiting.size()) {
      outages.warn(
          "Nonce store answered {} counts for {} rows: refusing", counts.length, waiting.size());
      waiting.forEach(p -> p.result().complete(Use.UNAVAILABLE));
      return;
    }
    for (int i = 0; i < counts.length; i++) {
      waiting.get(i).result().complete(useOf(counts[i]));
    }
  }

  private void failQueued() {
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.result().complete(Use.UNAVAILABLE));
  }

  private record Pending(Key key, CompletableFuture<Use> result) {}
}
