package dev.portico.gateway.internal;

import static dev.portico.system.Sql.ts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portico.gateway.GatewaySettings;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Remembers the nonces of signed requests so that none is accepted twice (KEY-5), on any node.
 *
 * <p>The database's primary key on {@code gw_nonce} decides, synchronously, before the request is
 * answered. To keep that off the per-request budget, nonces are group-committed: request threads
 * queue their nonce and wait; one writer thread takes everything queued, asks the database which of
 * them exist already, and inserts the rest in one multi-row statement (falling back to one row at a
 * time when another node raced it). Under load one round-trip serves many requests; idle, it serves
 * one. A local cache answers replays to the same node without any round-trip. Nonces are kept for
 * twice the clock skew: any older request is refused by its {@code Date} anyway.
 */
@Component
class Nonces {

  private static final Logger log = LoggerFactory.getLogger(Nonces.class);
  private static final int MAX_BATCH = 500;
  private static final long WAIT_SECONDS = 10;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration retention;
  private final Cache<String, Boolean> seen;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean running = true;

  Nonces(JdbcClient jdbc, Clock clock, GatewaySettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.retention = settings.maxClockSkew().multipliedBy(2);
    this.seen =
        Caffeine.newBuilder()
            .maximumSize(settings.nonceLocalCacheSize())
            .expireAfterWrite(retention)
            .build();
    this.writer = new Thread(this::writeLoop, "portico-nonce-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /** Records the nonce; {@code false} when any node saw it before. */
  boolean firstUse(String nonce) {
    if (seen.asMap().putIfAbsent(nonce, Boolean.TRUE) != null) {
      return false;
    }
    Pending pending = new Pending(nonce, new CompletableFuture<>());
    queue.add(pending);
    try {
      return pending.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording a nonce", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot record the nonce in the database", e);
    }
  }

  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void purge() {
    Instant before = clock.instant().minus(retention);
    jdbc.sql("delete from gw_nonce where seen_at < :before").param("before", ts(before)).update();
  }

  @PreDestroy
  void stop() {
    running = false;
    writer.interrupt();
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    while (running) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("Recording nonces failed", e);
        batch.forEach(p -> p.result().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Pending> batch) {
    List<String> nonces = batch.stream().map(Pending::nonce).toList();
    Set<String> existing =
        new HashSet<>(
            jdbc.sql("select nonce from gw_nonce where nonce in (:nonces)")
                .param("nonces", nonces)
                .query(String.class)
                .list());
    List<Pending> fresh = batch.stream().filter(p -> !existing.contains(p.nonce())).toList();
    OffsetDateTime now = ts(clock.instant());
    try {
      insertAll(fresh, now);
      fresh.forEach(p -> p.result().complete(true));
    } catch (DataIntegrityViolationException raced) {
      // another node inserted one of them between our select and insert: decide row by row
      for (Pending p : fresh) {
        p.result().complete(insertOne(p.nonce(), now));
      }
    }
    batch.stream()
        .filter(p -> existing.contains(p.nonce()))
        .forEach(p -> p.result().complete(false));
  }

  private void insertAll(List<Pending> fresh, OffsetDateTime now) {
    if (fresh.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("insert into gw_nonce (nonce, seen_at) values ");
    List<Object> params = new ArrayList<>(fresh.size() * 2);
    for (int i = 0; i < fresh.size(); i++) {
      sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
      params.add(fresh.get(i).nonce());
      params.add(now);
    }
    jdbc.sql(sql.toString()).params(params).update();
  }

  private boolean insertOne(String nonce, OffsetDateTime now) {
    try {
      jdbc.sql("insert into gw_nonce (nonce, seen_at) values (:n, :at)")
          .param("n", nonce)
          .param("at", now)
          .update();
      return true;
    } catch (DataIntegrityViolationException replayed) {
      return false;
    }
  }

  private record Pending(String nonce, CompletableFuture<Boolean> result) {}
}
