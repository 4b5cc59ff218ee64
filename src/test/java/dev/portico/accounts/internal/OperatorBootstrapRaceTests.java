package dev.portico.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.support.PorticoTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several nodes starting at the same moment on one database each run the operator bootstrap
 * (TEN-5): every one of them comes up, and there is exactly one operator. Each "node" here is the
 * bootstrap task on its own thread against the shared test database — the race is the same as
 * between processes, without the cost of starting several applications.
 */
@PorticoTest
class OperatorBootstrapRaceTests {

  private static final int NODES = 4;
  private static final int ROUNDS = 8;

  @Autowired UserManagement userManagement;
  @Autowired JdbcClient jdbc;

  @Test
  void nodesBootstrappingTheSameOperatorAtOnceAllComeUpAndOneOperatorExists() throws Exception {
    ExecutorService nodes = Executors.newFixedThreadPool(NODES);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String email = "race-" + UUID.randomUUID().toString().substring(0, 8) + "@portico.test";
        BootstrapSettings settings = new BootstrapSettings(email, "bootstrap-secret-1");
        CyclicBarrier together = new CyclicBarrier(NODES);
        List<Future<?>> starts = new ArrayList<>();
        for (int node = 0; node < NODES; node++) {
          starts.add(
              nodes.submit(
                  () -> {
                    OperatorBootstrap bootstrap = new OperatorBootstrap(settings, userManagement);
                    together.await(10, TimeUnit.SECONDS);
                    bootstrap.run();
                    return null;
                  }));
        }
        for (Future<?> start : starts) {
          start.get(30, TimeUnit.SECONDS); // a node that failed to start fails the test here
        }

        assertThat(
                jdbc.sql("select count(*) from acc_user where email_key = :key")
                    .param("key", email)
                    .query(Long.class)
                    .single())
            .as("users with %s after round %d", email, round)
            .isEqualTo(1L);
        assertThat(userManagement.userByEmail(email))
            .get()
            .extracting(User::operator)
            .isEqualTo(true);
      }
    } finally {
      nodes.shutdownNow();
    }
  }
}
