package dev.portico.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.GatewaySettings;
import dev.portico.gateway.internal.NonceStore.Key;
import dev.portico.gateway.internal.NonceStore.Use;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link DatabaseNonceStore} reads the store's answers: only an update count of exactly 1 is a
 * first use; 0 is a replay; anything else — an unknown count, an exception, no answer in time, a
 * node stopping — refuses (fail closed). No database: the store is a stand-in.
 */
class DatabaseNonceStoreTests {

  static final Duration TIMEOUT = Duration.ofSeconds(1);

  final Set<Key> table = Collections.synchronizedSet(new HashSet<>());
  final List<List<Key>> batches = Collections.synchronizedList(new ArrayList<>());
  volatile Function<List<Key>, int[]> answer = this::asATableWould;
  DatabaseNonceStore nonces = withWriters(2);

  int[] asATableWould(List<Key> keys) {
    return keys.stream().mapToInt(k -> table.add(k) ? 1 : 0).toArray();
  }

  DatabaseNonceStore withWriters(int writers) {
    return new DatabaseNonceStore(
        (keys, at) -> {
          batches.add(keys);
          return answer.apply(keys);
        },
        Clock.systemUTC(),
        new GatewaySettings(
            Duration.ofMinutes(5),
            1000,
            writers,
            TIMEOUT,
            60_000,
            600,
            java.util.Map.of(),
            null,
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            org.springframework.util.unit.DataSize.ofMegabytes(64),
            java.util.List.of()));
  }

  @AfterEach
  void stop() {
    nonces.stop();
  }

  @Test
  void onlyAnUpdateCountOfExactlyOneIsAFirstUse() {
    assertThat(DatabaseNonceStore.useOf(1)).isEqualTo(Use.FIRST);
    assertThat(DatabaseNonceStore.useOf(0)).isEqualTo(Use.REPLAYED);
    assertThat(DatabaseNonceStore.useOf(Statement.SUCCESS_NO_INFO)).isEqualTo(Use.UNAVAILABLE);
    assertThat(DatabaseNonceStore.useOf(Statement.EXECUTE_FAILED)).isEqualTo(Use.UNAVAILABLE);
    assertThat(DatabaseNonceStore.useOf(2)).isEqualTo(Use.UNAVAILABLE);
  }

  @Test
  void nonceIsComparedInLowerCaseAndPerAccessKey() {
    nonces.start();
    assertThat(nonces.firstUse("KeyOne", "ABCDEFGHIJKLMNOPqrst")).isEqualTo(Use.FIRST);
    assertThat(nonces.firstUse("KeyOne", "abcdefghijklmnopqrst")).isEqualTo(Use.REPLAYED);
    assertThat(nonces.firstUse("KeyTwo", "abcdefghijklmnopqrst")).isEqualTo(Use.FIRST);
    assertThat(batches)
        .flatExtracting(batch -> batch)
        .containsExactly(
            new Key("KeyOne", "abcdefghijklmnopqrst"), new Key("KeyTwo", "abcdefghijklmnopqrst"));
  }

  @Test
  void replaySeenByTheDatabaseOnlyIsRefused() {
    nonces.start();
    table.add(new Key("KeyOther", "seenbyanothernode01"));
    assertThat(nonces.firstUse("KeyOther", "SeenByAnotherNode01")).isEqualTo(Use.REPLAYED);
  }

  @Test
  void unknownUpdateCountRefuses() {
    nonces.start();
    answer = keys -> keys.stream().mapToInt(k -> Statement.SUCCESS_NO_INFO).toArray();
    assertThat(nonces.firstUse("KeyNoInfo", "aaaaaaaaaaaaaaaaaaaa")).isEqualTo(Use.UNAVAILABLE);
  }

  @Test
  void missingUpdateCountsRefuse() {
    nonces.start();
    answer = keys -> new int[0];
    assertThat(nonces.firstUse("KeyShort", "aaaaaaaaaaaaaaaaaaaa")).isEqualTo(Use.UNAVAILABLE);
  }

  @Test
  void storeFailureRefusesAndTheNonceCanBeUsedOnceTheStoreIsBack() {
    nonces.start();
    answer =
        keys -> {
          throw new IllegalStateException("connection refused");
        };
    assertThat(nonces.firstUse("KeyDown", "bbbbbbbbbbbbbbbbbbbb")).isEqualTo(Use.UNAVAILABLE);
    answer = this::asATableWould;
    assertThat(nonces.firstUse("KeyDown", "bbbbbbbbbbbbbbbbbbbb")).isEqualTo(Use.FIRST);
    assertThat(nonces.firstUse("KeyDown", "bbbbbbbbbbbbbbbbbbbb")).isEqualTo(Use.REPLAYED);
  }

  @Test
  void storeSlowerThanTheTimeoutRefusesWithinTheTimeout() throws Exception {
    nonces.start();
    CountDownLatch release = new CountDownLatch(1);
    answer =
        keys -> {
          await(release);
          return asATableWould(keys);
        };
    long start = System.nanoTime();
    Use use = nonces.firstUse("KeySlow", "cccccccccccccccccccc");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    release.countDown();
    assertThat(use).isEqualTo(Use.UNAVAILABLE);
    assertThat(took).isBetween(TIMEOUT.minusMillis(50), TIMEOUT.plusMillis(700));
  }

  @Test
  void stoppedNodeRefusesAndFailsWhatIsStillQueued() throws Exception {
    nonces = withWriters(1);
    nonces.start();
    CountDownLatch inStore = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    answer =
        keys -> {
          inStore.countDown();
          await(release);
          return asATableWould(keys);
        };
    List<CompletableFuture<Use>> waiting = new ArrayList<>();
    waiting.add(
        CompletableFuture.supplyAsync(() -> nonces.firstUse("KeyStop", "inthestoreaaaaaaaaaa")));
    assertThat(inStore.await(5, TimeUnit.SECONDS)).isTrue();
    // the only writer is busy in the store: these stay queued
    for (int i = 0; i < 5; i++) {
      String nonce = "queued" + i + "aaaaaaaaaaaaaaaaa";
      waiting.add(CompletableFuture.supplyAsync(() -> nonces.firstUse("KeyStop", nonce)));
    }
    Thread.sleep(50);
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(nonces::stop);
    Thread.sleep(50);
    release.countDown();
    stopping.get(5, TimeUnit.SECONDS);
    List<Use> uses = waiting.stream().map(CompletableFuture::join).toList();
    assertThat(uses.subList(1, uses.size())).containsOnly(Use.UNAVAILABLE);
    assertThat(uses.get(0)).isNotEqualTo(Use.REPLAYED);
    assertThat(nonces.isRunning()).isFalse();
    assertThat(nonces.firstUse("KeyStop", "afterstopaaaaaaaaaaa")).isEqualTo(Use.UNAVAILABLE);
  }

  @Test
  void batchIsWrittenInKeyOrderSoThatTwoNodesNeverDeadlock() throws Exception {
    nonces = withWriters(1);
    nonces.start();
    CountDownLatch inStore = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    answer =
        keys -> {
          if (inStore.getCount() > 0) {
            inStore.countDown();
            await(release);
          }
          return asATableWould(keys);
        };
    List<CompletableFuture<Use>> uses = new ArrayList<>();
    uses.add(
        CompletableFuture.supplyAsync(() -> nonces.firstUse("KeyOrder", "blockeraaaaaaaaaaaaa")));
    assertThat(inStore.await(5, TimeUnit.SECONDS)).isTrue();
    for (String nonce :
        List.of("zzzzzzzzzzzzzzzzzzzz", "MMMMMMMMMMMMMMMMMMMM", "aaaaaaaaaaaaaaaaaaab")) {
      uses.add(CompletableFuture.supplyAsync(() -> nonces.firstUse("KeyOrder", nonce)));
    }
    Thread.sleep(100);
    release.countDown();
    assertThat(uses).extracting(CompletableFuture::join).containsOnly(Use.FIRST);
    List<Key> last = batches.get(batches.size() - 1);
    assertThat(last)
        .extracting(Key::nonce)
        .containsExactly("aaaaaaaaaaaaaaaaaaab", "mmmmmmmmmmmmmmmmmmmm", "zzzzzzzzzzzzzzzzzzzz");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
