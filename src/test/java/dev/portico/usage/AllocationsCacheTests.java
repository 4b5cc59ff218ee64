package dev.portico.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.AccountType;
import dev.portico.accounts.Plan;
import dev.portico.system.ChangedSubjects;
import dev.portico.usage.internal.SeatCounts;
import dev.portico.usage.internal.SeatPeriods;
import dev.portico.usage.internal.Seats;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-node cache of {@link Allocations#current}: served from memory until the change feed names
 * the account, a load overtaken by a change is not kept, and a new period reloads.
 */
class AllocationsCacheTests {

  final AccountManagement accounts = mock(AccountManagement.class);
  final SeatCounts seats = mock(SeatCounts.class);
  final SeatPeriods periods = mock(SeatPeriods.class);
  final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
  final UUID id = UUID.randomUUID();
  final AtomicReference<Account> stored = new AtomicReference<>(account(null));
  Allocations allocations;

  @BeforeEach
  void setUp() {
    when(accounts.account(id)).thenAnswer(call -> Optional.of(stored.get()));
    when(seats.of(any())).thenReturn(new Seats(3, 3));
    when(periods.find(any(), any())).thenReturn(Optional.empty());
    allocations = new Allocations(accounts, seats, periods, new AllocationSettings(null), clock);
  }

  @Test
  void secondReadIsServedFromMemory() {
    assertThat(allocations.current(id).allocation()).isEqualTo(15_000);
    stored.set(account(1L)); // changed behind the cache, without a feed row
    assertThat(allocations.current(id).allocation()).isEqualTo(15_000);
    verify(accounts, times(1)).account(id);
  }

  @Test
  void changeFeedNamingTheAccountDropsItsEntry() {
    allocations.current(id);
    stored.set(account(42L));

    allocations.changed(new ChangedSubjects(Map.of(Allocations.TOPIC, Set.of(id.toString()))));

    assertThat(allocations.current(id).allocation()).isEqualTo(42);
  }

  @Test
  void changeFeedNamingAnotherAccountOrGarbageKeepsTheEntry() {
    allocations.current(id);
    stored.set(account(42L));

    allocations.changed(
        new ChangedSubjects(
            Map.of(Allocations.TOPIC, Set.of(UUID.randomUUID().toString(), "not-a-uuid"))));

    assertThat(allocations.current(id).allocation()).isEqualTo(15_000);
  }

  @Test
  void loadOvertakenByAChangeIsNotKept() {
    // the change commits (and is announced) while this node is reading the old state
    when(accounts.account(id))
        .thenAnswer(
            call -> {
              Account before = stored.get();
              stored.set(account(7L));
              allocations.changed(
                  new ChangedSubjects(Map.of(Allocations.TOPIC, Set.of(id.toString()))));
              return Optional.of(before);
            })
        .thenAnswer(call -> Optional.of(stored.get()));

    assertThat(allocations.current(id).allocation()).isEqualTo(15_000);
    assertThat(allocations.current(id).allocation()).isEqualTo(7);
  }

  @Test
  void entryOfAPeriodThatEndedIsReloaded() {
    AccountAllocation first = allocations.current(id);
    assertThat(first.period().start()).isEqualTo(LocalDate.parse("2026-01-01"));

    clock.set(Instant.parse("2027-01-01T00:00:00Z"));

    assertThat(allocations.current(id).period().start()).isEqualTo(LocalDate.parse("2027-01-01"));
    verify(accounts, times(2)).account(id);
  }

  Account account(Long override) {
    return new Account(
        id,
        AccountType.COMPANY,
        "Acme",
        Plan.PROFESSIONAL,
        null,
        LocalDate.parse("2026-01-01"),
        override,
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
