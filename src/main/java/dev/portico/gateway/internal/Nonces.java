package dev.portico.gateway.internal;

import static dev.portico.system.Sql.ts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portico.gateway.GatewaySettings;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
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

  private static final String INSERT =
      "insert into gw_nonce (nonce, seen_at) values (?, ?) on conflict do nothing";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private volatile @Nullable Boolean postgres;
  private final Clock clock;
  private final Duration retention;
  private final Cache<String, Boolean> seen;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running = true;

  Nonces(JdbcClient jdbc, JdbcTemplate template, Clock clock, GatewaySettings settings) {
    this.jdbc = jdbc;
    this.template = template;
    this.clock = clock;
    this.retention = settings.maxClockSkew().multipliedBy(2);
    this.seen =
        Caffeine.newBuilder()
            .maximumSize(settings.nonceLocalCacheSize())
            .expireAfterWrite(retention)
            .build();
    for (int i = 0; i < settings.nonceWriters(); i++) {
      Thread writer = new Thread(this::writeLoop, "portico-nonce-writer-" + i);
      writer.setDaemon(true);
      writer.start();
      writers.add(writer);
    }
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
    writers.forEach(Thread::interrupt);
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

  /**
   * One transaction for the whole batch: {@code insert … on conflict do nothing}, one row per nonce
   * in a JDBC batch (one round-trip); a row count of 0 means some node saw the nonce before. On
   * PostgreSQL the commit does not wait for the WAL flush: a database crash could forget the last
   * fraction of a second of nonces, whose requests are then still bound by their {@code Date}.
   */
  private void write(List<Pending> batch) {
    OffsetDateTime now = ts(clock.instant());
    int[] counts =
        Objects.requireNonNull(
            template.execute(
                (ConnectionCallback<int[]>)
                    connection -> {
                      boolean autoCommit = connection.getAutoCommit();
                      connection.setAutoCommit(false);
                      try {
                        if (isPostgres(connection)) {
                          try (Statement statement = connection.createStatement()) {
                            statement.execute("set local synchronous_commit to off");
                          }
                        }
                        int[] result;
                        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                          for (Pending p : batch) {
                            insert.setString(1, p.nonce());
                            insert.setObject(2, now);
                            insert.addBatch();
                          }
                          result = insert.executeBatch();
                        }
                        connection.commit();
                        return result;
                      } catch (SQLException | RuntimeException e) {
                        connection.rollback();
                        throw e;
                      } finally {
                        connection.setAutoCommit(autoCommit);
                      }
                    }));
    for (int i = 0; i < batch.size(); i++) {
      // SUCCESS_NO_INFO (-2) would mean "executed, count unknown": drivers used here report counts
      batch.get(i).result().complete(counts[i] != 0);
    }
  }

  private boolean isPostgres(Connection connection) throws SQLException {
    Boolean known = postgres;
    if (known == null) {
      known =
          connection
              .getMetaData()
              .getDatabaseProductName()
              .toLowerCase(java.util.Locale.ROOT)
              .contains("postgres");
      postgres = known;
    }
    return known;
  }

  private record Pending(String nonce, CompletableFuture<Boolean> result) {}
}
