package dev.portico.extensions;

import static dev.portico.extensions.ExtensionDrafts.actor;
import static dev.portico.extensions.ExtensionDrafts.app;
import static dev.portico.extensions.ExtensionDrafts.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portico.applications.Application;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An app has at most one element tab and one part number generator (EXT-2): a second is a field
 * error on {@code location}, also when it is a change of location, and also when two saves race —
 * then the database's unique key decides: exactly one row, the other save the same field error,
 * never a 500.
 */
@PorticoTest
class OneExtensionPerApplicationTests {

  private static final FieldViolation TAB_TAKEN =
      new FieldViolation("location", "this app already has an element tab extension");
  private static final int ROUNDS = 4;

  @Autowired TestAccounts fixtures;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ExtensionManagement extensions;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void secondElementTabIsRefusedAtLocation() {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    add(app, acme, valid("Tab", ExtensionLocation.ELEMENT_TAB));

    assertThat(refused(() -> add(app, acme, valid("Tab 2", ExtensionLocation.ELEMENT_TAB))))
        .containsExactly(TAB_TAKEN);
    assertThat(extensions.extensions(app.id())).hasSize(1);
  }

  @Test
  void secondPartNumberGeneratorIsRefusedButAnotherAppMayHaveOne() {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    Application other = app(apps, acme.admin(), acme.id());
    add(app, acme, valid("Numbers", ExtensionLocation.PART_NUMBER_GENERATOR));

    assertThat(
            refused(() -> add(app, acme, valid("More", ExtensionLocation.PART_NUMBER_GENERATOR))))
        .containsExactly(
            new FieldViolation(
                "location", "this app already has a part number generator extension"));
    add(other, acme, valid("Numbers", ExtensionLocation.PART_NUMBER_GENERATOR));
    add(app, acme, valid("Tab", ExtensionLocation.ELEMENT_TAB));
  }

  @Test
  void changingAnotherExtensionIntoASecondElementTabIsRefusedButTheTabMayBeSaved() {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    Extension tab = add(app, acme, valid("Tab", ExtensionLocation.ELEMENT_TAB));
    Extension panel = add(app, acme, valid("Panel", ExtensionLocation.ELEMENT_RIGHT_PANEL));

    assertThat(
            refused(
                () ->
                    extensions.update(
                        actor(acme.admin()),
                        app,
                        panel.id(),
                        valid("Panel", ExtensionLocation.ELEMENT_TAB),
                        IconChange.KEEP)))
        .containsExactly(TAB_TAKEN);
    Extension renamed =
        extensions.update(
            actor(acme.admin()),
            app,
            tab.id(),
            valid("Renamed tab", ExtensionLocation.ELEMENT_TAB),
            IconChange.KEEP);

    assertThat(renamed.name()).isEqualTo("Renamed tab");
    assertThat(extensions.extension(app, panel.id()).location())
        .isEqualTo(ExtensionLocation.ELEMENT_RIGHT_PANEL);
  }

  @Test
  void twoElementTabsCreatedAtOnceEndWithOneRowAndOneFieldError() throws Exception {
    Company acme = fixtures.company("Acme");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        Application app = app(apps, acme.admin(), acme.id());
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Object>> racers = new ArrayList<>();
        for (String name : List.of("Tab A", "Tab B")) {
          racers.add(pool.submit(() -> race(start, app, acme, name)));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> racer : racers) {
          outcomes.add(racer.get(30, TimeUnit.SECONDS));
        }

        assertThat(outcomes)
            .as("round %d", round)
            .hasOnlyElementsOfTypes(Extension.class, InvalidInput.class);
        assertThat(outcomes.stream().filter(Extension.class::isInstance)).hasSize(1);
        InvalidInput loser =
            (InvalidInput)
                outcomes.stream().filter(InvalidInput.class::isInstance).findFirst().orElseThrow();
        assertThat(loser.violations()).containsExactly(TAB_TAKEN);
        assertThat(
                jdbc.sql("select count(*) from ext_extension where application_id = :app")
                    .param("app", app.id())
                    .query(Long.class)
                    .single())
            .isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The loser that the check cannot see coming: the winner's row is not committed yet when the
   * loser looks, so the loser's insert waits on the unique key and fails when the winner commits.
   */
  @Test
  void saveStoppedByTheUniqueKeyGetsTheFieldErrorNotA500() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    CountDownLatch winnerInserted = new CountDownLatch(1);
    CountDownLatch commitWinner = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> winner =
          pool.submit(
              () ->
                  tx.executeWithoutResult(
                      status -> {
                        add(app, acme, valid("Winner", ExtensionLocation.ELEMENT_TAB));
                        winnerInserted.countDown();
                        await(commitWinner);
                      }));
      await(winnerInserted);
      Future<Object> loser = pool.submit(() -> race(new CyclicBarrier(1), app, acme, "Loser"));
      waitUntilABackendWaitsOnALock();
      commitWinner.countDown();
      winner.get(30, TimeUnit.SECONDS);

      assertThat(loser.get(30, TimeUnit.SECONDS))
          .isInstanceOfSatisfying(
              InvalidInput.class, e -> assertThat(e.violations()).containsExactly(TAB_TAKEN));
      assertThat(extensions.extensions(app.id()))
          .extracting(Extension::name)
          .containsExactly("Winner");
    } finally {
      commitWinner.countDown();
      pool.shutdownNow();
    }
  }

  private void waitUntilABackendWaitsOnALock() throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      long waiting =
          jdbc.sql(
                  "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                      + " and query like '%ext_extension%'")
              .query(Long.class)
              .single();
      if (waiting > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the second insert never waited on the unique key");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** One racer: its extension, or the InvalidInput it got; anything else fails the test. */
  private Object race(CyclicBarrier start, Application app, Company acme, String name)
      throws Exception {
    start.await(10, TimeUnit.SECONDS);
    try {
      return add(app, acme, valid(name, ExtensionLocation.ELEMENT_TAB));
    } catch (InvalidInput e) {
      return e;
    }
  }

  private Extension add(Application app, Company acme, ExtensionDraft draft) {
    return extensions.add(actor(acme.admin()), app, draft, IconChange.KEEP);
  }

  private static List<FieldViolation> refused(Callable<?> save) {
    InvalidInput e = catchThrowableOfType(InvalidInput.class, save::call);
    assertThat(e).as("refused").isNotNull();
    return e.violations();
  }
}
