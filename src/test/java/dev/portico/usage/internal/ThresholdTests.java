package dev.portico.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.AccountChanges;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.ApiCaller;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import dev.portico.usage.Allocations;
import dev.portico.usage.UsageThresholdReached;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * USE-5 as the flush decides it: each of 25/50/75/100 % of a period is recorded once, by the
 * primary key of {@code use_threshold}, whatever the number of nodes; a flush that records several
 * publishes one {@link UsageThresholdReached} naming the highest, with the account's name.
 */
@PorticoTest
class ThresholdTests {

  @Autowired TestAccounts accounts;
  @Autowired Allocations allocations;
  @Autowired AccountManagement accountManagement;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient sql;

  @Test
  void severalThresholdsCrossedInOneFlushPublishOneEventNamingTheHighest() {
    Company acme = companyWithAllocation(8);
    IsolatedMeter node = node();
    ApiCaller caller = UsageRows.keyCaller(acme.admin(), acme.id(), null);
    assertThat(node.meter.exhausted(caller)).isFalse();

    count(node, caller, 6); // 75 %: 25, 50 and 75 at once
    assertThat(node.flush.flush()).isTrue();

    assertThat(node.events).hasSize(1);
    UsageThresholdReached reached = node.events.get(0);
    assertThat(reached.accountId()).isEqualTo(acme.id());
    assertThat(reached.accountName()).isEqualTo(acme.account().name());
    assertThat(reached.threshold()).isEqualTo(75);
    assertThat(reached.used()).isEqualTo(6);
    assertThat(reached.allocation()).isEqualTo(8);
    assertThat(reached.periodEnd()).isEqualTo(reached.periodStart().plusYears(1).minusDays(1));
    assertThat(new UsageRows(sql).thresholds(acme.id())).containsExactly(25, 50, 75);

    count(node, caller, 1); // 87.5 %: nothing new
    assertThat(node.flush.flush()).isTrue();
    assertThat(node.events).hasSize(1);

    count(node, caller, 1); // 100 %
    assertThat(node.flush.flush()).isTrue();
    assertThat(node.flush.flush()).isTrue();
    assertThat(node.events).extracting(UsageThresholdReached::threshold).containsExactly(75, 100);
    assertThat(new UsageRows(sql).thresholds(acme.id())).containsExactly(25, 50, 75, 100);
  }

  @Test
  void thresholdsCrossedByTwoNodesFlushingAtOnceArePublishedExactlyOnce() throws Exception {
    Company acme = companyWithAllocation(4);
    IsolatedMeter a = node();
    IsolatedMeter b = node();
    ApiCaller caller = UsageRows.keyCaller(acme.admin(), acme.id(), null);
    assertThat(a.meter.exhausted(caller)).isFalse();
    assertThat(b.meter.exhausted(caller)).isFalse();
    count(a, caller, 2);
    count(b, caller, 2);

    ExecutorService flushers = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier together = new CyclicBarrier(2);
      List<Future<Boolean>> flushed = new ArrayList<>();
      for (IsolatedMeter node : List.of(a, b)) {
        flushed.add(
            flushers.submit(
                () -> {
                  together.await(10, TimeUnit.SECONDS);
                  return node.flush.flush();
                }));
      }
      for (Future<Boolean> f : flushed) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      flushers.shutdownNow();
    }
    assertThat(a.flush.flush()).isTrue();
    assertThat(b.flush.flush()).isTrue();

    assertThat(new UsageRows(sql).thresholds(acme.id())).containsExactly(25, 50, 75, 100);
    List<Integer> published = new ArrayList<>();
    a.events.forEach(e -> published.add(e.threshold()));
    b.events.forEach(e -> published.add(e.threshold()));
    // one node commits first and records what it sees (50 % alone, or 100 % when it read the
    // other's rows); the other records the rest: never one threshold twice, 100 % exactly once
    assertThat(published).doesNotHaveDuplicates().contains(100).hasSizeBetween(1, 2);
    assertThat(a.events.size()).isLessThanOrEqualTo(1);
    assertThat(b.events.size()).isLessThanOrEqualTo(1);
  }

  private Company companyWithAllocation(long allocation) {
    Company company = accounts.company("Thresholds");
    accountManagement.updateAccount(
        Actor.SYSTEM, company.id(), new AccountChanges(null, null, null, null, allocation, false));
    return company;
  }

  private IsolatedMeter node() {
    return new IsolatedMeter(allocations, accountManagement, dataSource, transactions);
  }

  private static void count(IsolatedMeter node, ApiCaller caller, int calls) {
    for (int i = 0; i < calls; i++) {
      node.meter.count(caller, "platform", 200);
    }
  }
}
