package dev.portico.usage.internal;

import dev.portico.accounts.AccountManagement;
import dev.portico.usage.Allocations;
import dev.portico.usage.UsageSettings;
import dev.portico.usage.UsageThresholdReached;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A meter and its flush of their own on the test context's database, never scheduled: a "node"
 * whose flushes the test runs by hand, and whose published events it collects.
 */
final class IsolatedMeter {

  final MeterInMemory meter;
  final UsageFlush flush;
  final List<UsageThresholdReached> events = new CopyOnWriteArrayList<>();

  IsolatedMeter(
      Allocations allocations,
      AccountManagement accounts,
      DataSource dataSource,
      PlatformTransactionManager transactions) {
    CounterTable table = new CounterTable(dataSource);
    Clock clock = Clock.systemUTC();
    this.meter = new MeterInMemory(allocations, table, clock);
    this.flush =
        new UsageFlush(
            meter,
            table,
            transactions,
            event -> {
              if (event instanceof UsageThresholdReached reached) {
                events.add(reached);
              }
            },
            accounts,
            clock,
            new UsageSettings(Duration.ofSeconds(1)));
  }
}
