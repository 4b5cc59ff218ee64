package dev.portico.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.accounts.User;
import dev.portico.store.LaunchFixtures.Launch;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Conflict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * STO-3's state machine under concurrency and at the service: of two operators deciding on one
 * entry at once one wins and the other gets a {@link Conflict}; a company admin is no operator.
 */
@PorticoTest
class StoreReviewRaceTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired LaunchFixtures launches;
  @Autowired StoreReview review;
  @Autowired StoreEntries entries;
  @Autowired JdbcClient jdbc;

  @Test
  void twoRacingDecisionsEndWithOneAndTheOtherIsAConflict() throws Exception {
    Company acme = fixtures.company("Acme");
    Launch l = launches.inReview(acme);
    User first = fixtures.operator();
    User second = fixtures.operator();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (Callable<StoreEntry> decision :
          List.<Callable<StoreEntry>>of(
              () ->
                  review.decide(
                      StoreFixtures.actor(first),
                      first,
                      l.entry().id(),
                      ReviewDecision.APPROVE,
                      null),
              () ->
                  review.decide(
                      StoreFixtures.actor(second),
                      second,
                      l.entry().id(),
                      ReviewDecision.RETURN,
                      "Not yet."))) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    return decision.call().state().name();
                  } catch (Conflict e) {
                    return "conflict";
                  }
                }));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get());
      }
      assertThat(outcomes).containsOnlyOnce("conflict");
      assertThat(outcomes).containsAnyOf("PUBLIC", "RETURNED");
    } finally {
      pool.shutdown();
    }
    assertThat(review.history(l.entry()))
        .extracting(ReviewStep::kind)
        .filteredOn(k -> k != ReviewStep.Kind.REQUESTED)
        .hasSize(1);
    assertThatThrownBy(
            () ->
                review.decide(
                    StoreFixtures.actor(first),
                    first,
                    l.entry().id(),
                    ReviewDecision.APPROVE,
                    null))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void aCompanyAdminIsNoOperatorForTheService() {
    Company acme = fixtures.company("Acme");
    Launch l = launches.inReview(acme);
    assertThatThrownBy(
            () ->
                review.decide(
                    StoreFixtures.actor(acme.admin()),
                    acme.admin(),
                    l.entry().id(),
                    ReviewDecision.APPROVE,
                    null))
        .isInstanceOf(dev.portico.system.NotFound.class);
    assertThat(state(l.entry())).isEqualTo(EntryState.IN_REVIEW);
  }

  private EntryState state(StoreEntry entry) {
    return EntryState.valueOf(
        jdbc.sql("select state from sto_entry where id = :id")
            .param("id", entry.id())
            .query(String.class)
            .single());
  }
}
