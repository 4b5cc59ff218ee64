package dev.portico.usage.internal;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.usage.AccountAllocation;
import dev.portico.usage.UsageSettings;
import dev.portico.usage.UsageThresholdReached;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the meter's counts every {@code portico.usage.flush-interval} and at shutdown (USE-7), and
 * refreshes every account view of this node.
 *
 * <p>One flush is one transaction: the drained cells as three JDBC batches of atomic increments
 * ({@link CounterTable}), then the stored totals of every account this node has seen recently (one
 * query), then the thresholds those totals reached (USE-5): the missing {@code use_threshold} rows
 * are inserted if absent — the primary key decides across nodes — and for each account where this
 * transaction inserted any, one {@link UsageThresholdReached} names the highest, published in the
 * transaction (the event publication registry stores it with the counts). A flush that does not
 * commit puts its counts back, to be written by the next window: counted once, never lost, never
 * twice.
 *
 * <p>Stops in a phase after the web server's ({@link
 * WebServerApplicationContext#START_STOP_LIFECYCLE_PHASE}), which itself stops after the graceful
 * shutdown has let the requests in flight finish: the last flush sees every answered call.
 */
@Component
class UsageFlush implements SmartLifecycle {

  static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;

  private static final Logger log = LoggerFactory.getLogger(UsageFlush.class);
  private static final long LOG_EVERY_MILLIS = 10_000;
  private static final int LAST_FLUSH_ATTEMPTS = 3;

  private final MeterInMemory meter;
  private final CounterTable table;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final AccountManagement accounts;
  private final Clock clock;
  private final UsageSettings settings;
  private final ReentrantLock flushing = new ReentrantLock();
  private final Object lifecycle = new Object();
  private volatile boolean running;
  private @Nullable ThreadPoolTaskScheduler scheduler;
  private long lastFailureLogged = Long.MIN_VALUE / 2;

  UsageFlush(
      MeterInMemory meter,
      CounterTable table,
      PlatformTransactionManager transactionManager,
      ApplicationEventPublisher events,
      AccountManagement accounts,
      Clock clock,
      UsageSettings settings) {
    this.meter = meter;
    this.table = table;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setName("use_counter flush");
    this.transactions.setTimeout(30);
    this.events = events;
    this.accounts = accounts;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Writes every pending count and refreshes the views; answers whether it committed (false: the
   * counts are pending again). Flushes never overlap.
   */
  boolean flush() {
    flushing.lock();
    try {
      return flushOnce();
    } finally {
      flushing.unlock();
    }
  }

  private boolean flushOnce() {
    AccountViews views = meter.views();
    views.refreshAllocations(views.nextWindow());
    // the views first, then the cells: a call between the two is over-, never under-estimated
    Map<AccountView, Long> unconfirmed = new HashMap<>();
    for (AccountView view : views.all()) {
      long n = view.pending.sumThenReset();
      if (n != 0) {
        view.unconfirmed.addAndGet(n);
        unconfirmed.put(view, n);
      }
    }
    Map<CounterKey, Long> drained = meter.pending().drain(meter.today());
    drained.keySet().forEach(key -> views.loadIfUnknown(views.of(key.accountId())));
    Map<UUID, AccountView> known = views.known();
    Map<UUID, AccountAllocation> allocations = new HashMap<>();
    known.forEach((id, view) -> allocations.put(id, Objects.requireNonNull(view.allocation())));
    FlushBatch batch = FlushBatch.of(drained, allocations);
    try {
      Written written =
          Objects.requireNonNull(transactions.execute(status -> write(batch, known, allocations)));
      AccountViews.applyTotals(known, written.totals());
      written.reached().forEach((view, level) -> recordReached(view, allocations, level));
      unconfirmed.forEach((view, n) -> view.unconfirmed.addAndGet(-n));
      return true;
    } catch (RuntimeException failed) {
      meter.pending().restore(drained);
      unconfirmed.forEach(
          (view, n) -> {
            view.pending.add(n);
            view.unconfirmed.addAndGet(-n);
          });
      logFailure(batch, failed);
      return false;
    }
  }

  private record Written(
      List<CounterTable.PeriodTotal> totals, Map<AccountView, Integer> reached) {}

  private Written write(
      FlushBatch batch, Map<UUID, AccountView> known, Map<UUID, AccountAllocation> allocations) {
    if (!batch.isEmpty()) {
      table.add(batch.counters(), batch.days(), batch.periods());
    }
    List<CounterTable.PeriodTotal> totals =
        known.isEmpty() ? List.of() : table.periodTotals(known.keySet());
    Map<AccountView, Integer> reached = new HashMap<>();
    List<CounterTable.Threshold> missing = new ArrayList<>();
    for (UUID accountId : batch.accounts()) {
      AccountView view = known.get(accountId);
      AccountAllocation allocation = allocations.get(accountId);
      if (view == null || allocation == null) {
        continue;
      }
      long used = AccountViews.totalOf(totals, accountId, allocation);
      int highest = Thresholds.highestReached(used, allocation.allocation());
      int recorded = view.recordedThreshold(allocation.period());
      for (int level : Thresholds.LEVELS) {
        if (level > recorded && level <= highest) {
          missing.add(
              new CounterTable.Threshold(
                  accountId, allocation.period().start(), level, used, allocation.allocation()));
        }
      }
      if (highest > recorded) {
        reached.put(view, highest);
      }
    }
    publishHighest(table.insertMissing(missing, clock.instant()), allocations);
    return new Written(totals, reached);
  }

  /** One event per account: the highest threshold this transaction inserted. */
  private void publishHighest(
      List<CounterTable.Threshold> inserted, Map<UUID, AccountAllocation> allocations) {
    Map<UUID, CounterTable.Threshold> highest = new HashMap<>();
    for (CounterTable.Threshold t : inserted) {
      highest.merge(t.accountId(), t, (a, b) -> a.threshold() >= b.threshold() ? a : b);
    }
    highest.forEach(
        (accountId, t) -> {
          AccountAllocation allocation = Objects.requireNonNull(allocations.get(accountId));
          String name = accounts.account(accountId).map(Account::name).orElse("");
          events.publishEvent(
              new UsageThresholdReached(
                  accountId,
                  name,
                  allocation.period().start(),
                  allocation.period().lastDay(),
                  t.threshold(),
                  t.used(),
                  t.allocation()));
        });
  }

  private static void recordReached(
      AccountView view, Map<UUID, AccountAllocation> allocations, int level) {
    AccountAllocation allocation = allocations.get(view.accountId);
    if (allocation != null) {
      view.recordedThreshold(allocation.period(), level);
    }
  }

  private void logFailure(FlushBatch batch, RuntimeException failed) {
    long now = clock.millis();
    if (now - lastFailureLogged >= LOG_EVERY_MILLIS) {
      lastFailureLogged = now;
      log.warn(
          "Usage flush failed, {} calls kept for the next window: {}",
          batch.calls(),
          failed.toString());
    }
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      if (running) {
        return;
      }
      ThreadPoolTaskScheduler executor = new ThreadPoolTaskScheduler();
      executor.setThreadNamePrefix("portico-usage-flush-");
      executor.setPoolSize(1);
      executor.setDaemon(true);
      executor.setWaitForTasksToCompleteOnShutdown(true);
      executor.setAwaitTerminationSeconds(35); // a flush in hand: at most its transaction timeout
      executor.initialize();
      Instant first = clock.instant().plus(settings.flushInterval());
      executor.scheduleWithFixedDelay(this::flush, first, settings.flushInterval());
      scheduler = executor;
      running = true;
    }
  }

  /** Stops the schedule, lets a flush in hand finish, then writes what is left. */
  @Override
  public void stop() {
    synchronized (lifecycle) {
      if (!running) {
        return;
      }
      running = false;
      if (scheduler != null) {
        scheduler.shutdown();
        scheduler = null;
      }
      for (int attempt = 1; attempt <= LAST_FLUSH_ATTEMPTS; attempt++) {
        if (flush()) {
          return;
        }
      }
      log.error("Usage: the last flush failed {} times; its calls are lost", LAST_FLUSH_ATTEMPTS);
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
}
