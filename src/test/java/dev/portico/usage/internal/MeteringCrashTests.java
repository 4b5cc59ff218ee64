package dev.portico.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * USE-7, must show: a node killed like {@code kill -9} under load (a separate JVM, {@link
 * Process#destroyForcibly}) loses at most its last flush window, and never stores more than was
 * answered.
 *
 * <p>What is asserted, with no clock in it: a poller reads the stored total every 50 ms during the
 * load and notes when (before its query) it first saw each new value; 2xx answers are timestamped
 * as they arrive. Let {@code S} be the total stored once the process is gone, and {@code w} the
 * second-to-last value seen below {@code S}. Between the poll that first saw {@code w} and the
 * final commit, another commit happened; the final flush drained its counts after that commit,
 * hence after the poll. So:
 *
 * <ul>
 *   <li>every call answered 2xx before the poll that first saw {@code w} is stored ({@code S ≥}
 *       those answers): the loss is only calls answered in the final, interrupted windows;
 *   <li>{@code S ≤} answers + the 20 calls that may have been in flight at the kill (counted but
 *       not answered): nothing counted twice.
 * </ul>
 */
@PorticoTest
class MeteringCrashTests {

  static final int CLIENTS = 20;

  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired Environment nodeA;
  @Autowired JdbcClient sql;

  record Seen(long at, long total) {}

  @Test
  void nodeKilledUnderLoadLosesAtMostTheCallsOfItsLastFlushWindows() throws Exception {
    Company acme = accounts.company("Crash");
    List<IssuedApiKey> clientKeys = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clientKeys.add(keys.issue(acme.admin()));
    }
    UsageRows rows = new UsageRows(sql);
    int port = OtherNode.freePort();
    Process node = OtherNode.separateJvm(nodeA, port);
    ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
    List<Seen> seen = new ArrayList<>();
    AtomicBoolean loading = new AtomicBoolean(true);
    ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
    try {
      OtherNode.awaitUp(node, port, Duration.ofSeconds(120));
      for (IssuedApiKey key : clientKeys) {
        load.submit(() -> callUntilStopped(port, key, loading, answered));
      }
      // load until three flushes have committed: two values below the final one
      for (int i = 0; i < 600 && distinctNonZero(seen) < 3; i++) {
        long before = System.nanoTime();
        long total = rows.detailCalls(acme.id());
        if (seen.isEmpty() || seen.get(seen.size() - 1).total() != total) {
          seen.add(new Seen(before, total));
        }
        Thread.sleep(50);
      }
      node.destroyForcibly(); // SIGKILL: no shutdown hook, no last flush
      assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      loading.set(false);
      load.shutdownNow();
      load.awaitTermination(30, TimeUnit.SECONDS);
      node.destroyForcibly();
    }

    long stored = rows.detailCalls(acme.id());
    List<Seen> below = seen.stream().filter(s -> s.total() > 0 && s.total() < stored).toList();
    assertThat(below).as("flushes seen before the kill: %s", seen).hasSizeGreaterThanOrEqualTo(2);
    long w = below.get(below.size() - 2).at();
    long answeredBeforeW = answered.stream().filter(t -> t < w).count();
    System.out.printf(
        "Crash test: answered 2xx %d, stored %d, lost %d; answered before the last windows %d;"
            + " totals seen %s%n",
        answered.size(),
        stored,
        answered.size() - stored,
        answeredBeforeW,
        seen.stream().map(Seen::total).toList());
    assertThat(stored)
        .as("answered before the last windows")
        .isGreaterThanOrEqualTo(answeredBeforeW);
    assertThat(stored)
        .as("never more than answered + in flight")
        .isLessThanOrEqualTo(answered.size() + CLIENTS);
    assertThat(rows.dayCalls(acme.id())).isEqualTo(stored);
    assertThat(rows.periodCalls(acme.id())).isEqualTo(stored);
  }

  private static long distinctNonZero(List<Seen> seen) {
    return seen.stream().filter(s -> s.total() > 0).count();
  }

  private static void callUntilStopped(
      int port, IssuedApiKey key, AtomicBoolean loading, ConcurrentLinkedQueue<Long> answered) {
    String basic = TestApiKeys.basic(key);
    while (loading.get() && !Thread.currentThread().isInterrupted()) {
      try {
        int status = ApiCalls.get(port, MeteringRulesTests.SESSION_INFO, basic).statusCode();
        if (status >= 200 && status < 300) {
          answered.add(System.nanoTime());
        }
      } catch (RuntimeException killed) {
        return; // the node is gone
      }
    }
  }
}
