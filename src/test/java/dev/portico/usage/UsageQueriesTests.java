package dev.portico.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.support.PorticoTest;
import dev.portico.system.ResultPage;
import dev.portico.usage.UsageScenario.Seeded;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The usage view's reads (USE-6) over counters written as the meter writes them. */
@PorticoTest
class UsageQueriesTests {

  @Autowired UsageQueries queries;
  @Autowired UsageScenario scenario;

  @Test
  void summaryGivesUsedOfThePeriodAgainstTheAllocationWithTheThresholdsReached() {
    Seeded s = scenario.seed("Summary");

    UsageSummary summary = queries.summary(s.id());

    assertThat(summary.period()).isEqualTo(s.period());
    assertThat(summary.allocation()).isEqualTo(200);
    assertThat(summary.used()).isEqualTo(155);
    assertThat(summary.percent()).isEqualTo(77.5);
    assertThat(summary.thresholdsReached()).containsExactly(25, 50, 75);
  }

  @Test
  void percentIsRoundedDownSoThatItShowsOneHundredOnlyWhenUsedUp() {
    assertThat(UsageSummary.percentOf(1999, 2000)).isEqualTo(99.9);
    assertThat(UsageSummary.percentOf(2000, 2000)).isEqualTo(100.0);
    assertThat(UsageSummary.percentOf(1, 3)).isEqualTo(33.3);
    assertThat(UsageSummary.percentOf(0, 0)).isZero();
    assertThat(UsageSummary.percentOf(1, 0)).isEqualTo(100.0);
  }

  @Test
  void seriesHasEveryDayOfTheRangeWithDaysWithoutCallsAtZero() {
    Seeded s = scenario.seed("Series");
    UsageRange range =
        new UsageRange(s.period(), s.period().start(), s.period().start().plusDays(11));

    List<DailyCalls> series = queries.series(s.id(), range);

    assertThat(series).hasSize(12);
    assertThat(series.get(0)).isEqualTo(new DailyCalls(s.period().start(), 100));
    assertThat(series.get(1).calls()).isEqualTo(40);
    assertThat(series.get(5).calls()).isZero();
    assertThat(series.get(10).calls()).isEqualTo(10);
    assertThat(series.get(11).date()).isEqualTo(s.period().start().plusDays(11));
    assertThat(queries.series(s.id(), UsageRange.of(s.period())))
        .hasSize((int) ChronoUnit.DAYS.between(s.period().start(), s.period().end()))
        .extracting(DailyCalls::calls)
        .containsOnly(0L, 100L, 40L, 10L, 5L);
  }

  @Test
  void wholePeriodBreakdownsComeFromThePeriodTotalsMostCallsFirstWithoutNone() {
    Seeded s = scenario.seed("Period");
    UsageRange whole = UsageRange.of(s.period());

    assertThat(queries.breakdown(s.id(), whole, UsageDimension.API_KEY))
        .containsExactly(
            new BreakdownRow(s.key().key().id().toString(), 105),
            new BreakdownRow(s.deletedKey().toString(), 10));
    assertThat(queries.breakdown(s.id(), whole, UsageDimension.APPLICATION))
        .containsExactly(new BreakdownRow(s.app().application().id().toString(), 40));
    assertThat(queries.breakdown(s.id(), whole, UsageDimension.USER))
        .containsExactly(
            new BreakdownRow(s.bob().id().toString(), 115),
            new BreakdownRow(s.company().admin().id().toString(), 40));
    assertThat(queries.breakdown(s.id(), whole, UsageDimension.ENDPOINT))
        .extracting(BreakdownRow::key)
        .containsExactly("developer", "platform", "proxy");
  }

  @Test
  void partOfThePeriodSumsTheDetailOfThoseDaysOnly() {
    Seeded s = scenario.seed("Range");
    UsageRange part =
        new UsageRange(s.period(), s.period().start().plusDays(1), s.period().start().plusDays(10));

    assertThat(queries.breakdown(s.id(), part, UsageDimension.API_KEY))
        .containsExactly(new BreakdownRow(s.deletedKey().toString(), 10));
    assertThat(queries.breakdown(s.id(), part, UsageDimension.USER))
        .containsExactly(
            new BreakdownRow(s.company().admin().id().toString(), 40),
            new BreakdownRow(s.bob().id().toString(), 10));
    assertThat(queries.breakdown(s.id(), part, UsageDimension.ENDPOINT))
        .containsExactly(new BreakdownRow("platform", 40), new BreakdownRow("proxy", 10));
  }

  @Test
  void breakdownPagesCountEveryValueWhicheverTableTheyComeFrom() {
    Seeded s = scenario.seed("Pages");
    UsageRange whole = UsageRange.of(s.period());
    UsageRange part =
        new UsageRange(s.period(), s.period().start(), s.period().start().plusDays(20));

    ResultPage<BreakdownRow> first =
        queries.breakdown(s.id(), whole, UsageDimension.ENDPOINT, new ResultPage.Request(0, 2));
    ResultPage<BreakdownRow> second =
        queries.breakdown(s.id(), part, UsageDimension.ENDPOINT, new ResultPage.Request(1, 2));
    ResultPage<BreakdownRow> beyond =
        queries.breakdown(s.id(), part, UsageDimension.ENDPOINT, new ResultPage.Request(5, 2));

    assertThat(first.items())
        .extracting(BreakdownRow::key)
        .containsExactly("developer", "platform");
    assertThat(first.total()).isEqualTo(3);
    assertThat(second.items()).containsExactly(new BreakdownRow("proxy", 10));
    assertThat(second.total()).isEqualTo(3);
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(3);
  }

  @Test
  void anAccountWithoutCountersHasNothingUsedAndNoBreakdown() {
    Seeded s = scenario.seed("Other");
    UUID personal = s.bob().personalAccountId();

    UsageSummary summary = queries.summary(personal);

    assertThat(summary.used()).isZero();
    assertThat(summary.percent()).isZero();
    assertThat(summary.thresholdsReached()).isEmpty();
    assertThat(queries.breakdown(personal, UsageRange.of(summary.period()), UsageDimension.API_KEY))
        .isEmpty();
  }
}
