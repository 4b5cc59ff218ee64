package dev.portico.usage.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.usage.DailyCalls;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The geometry of the calls-per-day chart. */
class UsageChartTests {

  @Test
  void theValueAxisHasFourRoundStepsThatReachTheBusiestDay() {
    assertThat(UsageChart.niceStep(0)).isEqualTo(1);
    assertThat(UsageChart.niceStep(4)).isEqualTo(1);
    assertThat(UsageChart.niceStep(5)).isEqualTo(2);
    assertThat(UsageChart.niceStep(100)).isEqualTo(50);
    assertThat(UsageChart.niceStep(155)).isEqualTo(50);
    assertThat(UsageChart.niceStep(10_001)).isEqualTo(5_000);
    assertThat(UsageChart.niceStep(36_500_000)).isEqualTo(10_000_000);
  }

  @Test
  void aYearHasOneBarPerDayALabelPerMonthStartAndTheBusiestDayInItsSummary() {
    LocalDate start = LocalDate.of(2026, 3, 15);
    List<DailyCalls> series = new ArrayList<>();
    for (int i = 0; i < 365; i++) {
      series.add(new DailyCalls(start.plusDays(i), i == 100 ? 400 : i % 7));
    }

    UsageChart chart = UsageChart.of(series);

    assertThat(chart.bars()).hasSize(365);
    assertThat(chart.bars().get(100).label()).isEqualTo("Tue 23 Jun 2026: 400 calls");
    assertThat(chart.bars().get(100).y()).isEqualTo("12.00");
    assertThat(chart.bars().get(0).height()).isEqualTo("0.00");
    assertThat(chart.yTicks())
        .extracting(UsageChart.Tick::label)
        .containsExactly("0", "100", "200", "300", "400");
    assertThat(chart.xLabels())
        .extracting(UsageChart.Tick::label)
        .startsWith("Apr 2026", "May", "Jun")
        .contains("Jan 2027")
        .hasSize(12);
    assertThat(chart.summary()).endsWith("the busiest day was Tue 23 Jun 2026 with 400 calls.");
  }

  @Test
  void axisValuesAreShortened() {
    assertThat(UsageChart.compact(950)).isEqualTo("950");
    assertThat(UsageChart.compact(1_500)).isEqualTo("1.5k");
    assertThat(UsageChart.compact(20_000_000)).isEqualTo("20M");
  }
}
