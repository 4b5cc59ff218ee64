package dev.portico.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.ApiCaller;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.usage.Allocations;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;

/**
 * USE-7: a flush whose transaction does not commit — after every increment was sent — loses nothing
 * and counts nothing twice: its counts wait for the next window, which writes them once, together
 * with the calls counted since.
 */
@PorticoTest
class FailedFlushTests {

  @Autowired TestAccounts accounts;
  @Autowired Allocations allocations;
  @Autowired AccountManagement accountManagement;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient sql;

  @Test
  void flushThatFailsToCommitKeepsItsCountsAndTheNextFlushWritesThemExactlyOnce() {
    FailingCommits failing = new FailingCommits(transactions);
    IsolatedMeter node = new IsolatedMeter(allocations, accountManagement, dataSource, failing);
    Company acme = accounts.company("Acme");
    ApiCaller caller = UsageRows.keyCaller(acme.admin(), acme.id(), null);
    UsageRows rows = new UsageRows(sql);
    assertThat(node.meter.exhausted(caller)).isFalse();
    count(node, caller, 7);

    failing.failNext.set(true);
    assertThat(node.flush.flush()).isFalse();
    assertThat(rows.detailCalls(acme.id())).isZero();
    assertThat(rows.periodCalls(acme.id())).isZero();

    count(node, caller, 2); // counted while the failed flush's counts wait
    assertThat(node.flush.flush()).isTrue();
    assertThat(node.flush.flush()).isTrue(); // nothing left: adds nothing

    assertThat(rows.detailCalls(acme.id())).isEqualTo(9);
    assertThat(rows.dayCalls(acme.id())).isEqualTo(9);
    assertThat(rows.periodCalls(acme.id())).isEqualTo(9);
    assertThat(node.meter.pending().size()).isEqualTo(1);
  }

  @Test
  void accountViewCountsTheWaitingCallsWhileTheirFlushFails() {
    FailingCommits failing = new FailingCommits(transactions);
    IsolatedMeter node = new IsolatedMeter(allocations, accountManagement, dataSource, failing);
    Company acme = accounts.company("Acme");
    ApiCaller caller = UsageRows.keyCaller(acme.admin(), acme.id(), null);
    assertThat(node.meter.exhausted(caller)).isFalse();
    count(node, caller, 4);

    failing.failNext.set(true);
    assertThat(node.flush.flush()).isFalse();

    assertThat(node.meter.views().get(acme.id()).used()).isEqualTo(4);
    assertThat(node.flush.flush()).isTrue();
    assertThat(node.meter.views().get(acme.id()).used()).isEqualTo(4);
  }

  private static void count(IsolatedMeter node, ApiCaller caller, int calls) {
    for (int i = 0; i < calls; i++) {
      node.meter.count(caller, "platform", 200);
    }
  }

  /** The context's transaction manager, whose next commit rolls back and fails when asked. */
  static final class FailingCommits implements PlatformTransactionManager {

    final AtomicBoolean failNext = new AtomicBoolean();
    private final PlatformTransactionManager delegate;

    FailingCommits(PlatformTransactionManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public TransactionStatus getTransaction(@Nullable TransactionDefinition definition) {
      return delegate.getTransaction(definition);
    }

    @Override
    public void commit(TransactionStatus status) {
      if (failNext.getAndSet(false)) {
        delegate.rollback(status);
        throw new TransactionSystemException("commit failed (test)");
      }
      delegate.commit(status);
    }

    @Override
    public void rollback(TransactionStatus status) {
      delegate.rollback(status);
    }
  }
}
