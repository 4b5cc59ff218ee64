package dev.portico.usage.web;

import dev.portico.usage.DailyCalls;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The geometry of the server-rendered bar chart of calls per day (USE-6): one bar per day, a y axis
 * with five round ticks, day or month labels under the x axis, and the words a screen reader reads
 * instead. The template draws it as SVG, so it needs no JavaScript; every bar has a {@code <title>}
 * with its date and calls.
 *
 * @param summary one sentence for {@code <desc>}: the range, its total and its busiest day
 */
record UsageChart(
    List<Bar> bars, List<Tick> yTicks, List<Tick> xLabels, String summary, long total) {

  static final int WIDTH = 800;
  static final int HEIGHT = 230;
  static final int LEFT = 56;
  static final int RIGHT = 8;
  static final int TOP = 12;
  static final int BOTTOM = 34;
  static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
  static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH_YEAR =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  UsageChart {
    bars = List.copyOf(bars);
    yTicks = List.copyOf(yTicks);
    xLabels = List.copyOf(xLabels);
  }

  static UsageChart of(List<DailyCalls> series) {
    int n = Math.max(1, series.size());
    long max = series.stream().mapToLong(DailyCalls::calls).max().orElse(0);
    long total = series.stream().mapToLong(DailyCalls::calls).sum();
    long step = niceStep(max);
    long top = step * 4;
    double slot = (double) PLOT_WIDTH / n;
    double width = Math.max(0.6, slot * (slot >= 6 ? 0.75 : 0.8));
    List<Bar> bars = new ArrayList<>(series.size());
    @Nullable DailyCalls busiest = null;
    for (int i = 0; i < series.size(); i++) {
      DailyCalls day = series.get(i);
      double height = (double) PLOT_HEIGHT * day.calls() / top;
      double x = LEFT + i * slot;
      bars.add(
          new Bar(
              fmt(x),
              fmt(slot),
              fmt(x + (slot - width) / 2),
              fmt(TOP + PLOT_HEIGHT - height),
              fmt(width),
              fmt(height),
              DAY.format(day.date()) + ": " + calls(day.calls())));
      if (busiest == null || day.calls() > busiest.calls()) {
        busiest = day;
      }
    }
    List<Tick> yTicks = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      yTicks.add(
          new Tick(fmt(TOP + PLOT_HEIGHT - (double) PLOT_HEIGHT * i / 4), compact(step * i)));
    }
    return new UsageChart(
        bars, yTicks, xLabels(series, slot), summary(series, total, busiest), total);
  }

  /**
   * The bars as SVG markup, one {@code <g class="day">} per day with its {@code <title>}, a hit
   * area over its whole slot and the bar. Written here rather than by the template: a year is about
   * 1 500 elements, and evaluating their attributes one expression at a time made the page several
   * times slower than its queries. Every value is ours (numbers and dates), escaped anyway.
   */
  String barsMarkup() {
    StringBuilder svg = new StringBuilder(bars.size() * 200);
    for (Bar b : bars) {
      svg.append("<g class=\"day\"><title>")
          .append(HtmlUtils.htmlEscape(b.label()))
          .append("</title><rect class=\"hit\" x=\"")
          .append(b.slotX())
          .append("\" y=\"")
          .append(TOP)
          .append("\" width=\"")
          .append(b.slotWidth())
          .append("\" height=\"")
          .append(PLOT_HEIGHT)
          .append("\" fill=\"transparent\"></rect><rect class=\"bar\" x=\"")
          .append(b.x())
          .append("\" y=\"")
          .append(b.y())
          .append("\" width=\"")
          .append(b.width())
          .append("\" height=\"")
          .append(b.height())
          .append("\" fill=\"#0969da\"></rect></g>");
    }
    return svg.toString();
  }

  /** The table fallback's rows, written here for the same reason as {@link #barsMarkup()}. */
  static String tableMarkup(List<DailyCalls> series) {
    StringBuilder rows = new StringBuilder(series.size() * 110);
    for (DailyCalls d : series) {
      rows.append("<tr><td><time datetime=\"")
          .append(d.date())
          .append("\">")
          .append(HtmlUtils.htmlEscape(DAY.format(d.date())))
          .append("</time></td><td class=\"num\">")
          .append(String.format(Locale.ENGLISH, "%,d", d.calls()))
          .append("</td></tr>");
    }
    return rows.toString();
  }

  /** A round step (1, 2 or 5 × 10ⁿ) so that four steps reach at least {@code max}. */
  static long niceStep(long max) {
    long raw = Math.max(1, (max + 3) / 4);
    long magnitude = 1;
    while (magnitude <= raw / 10) {
      magnitude *= 10;
    }
    for (long m : new long[] {1, 2, 5, 10}) {
      if (m * magnitude >= raw) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  /** Labels under the x axis: about eight days for short ranges, else each month's first day. */
  private static List<Tick> xLabels(List<DailyCalls> series, double slot) {
    List<Tick> labels = new ArrayList<>();
    if (series.size() <= 62) {
      int every = Math.max(1, (int) Math.ceil(series.size() / 8.0));
      for (int i = 0; i < series.size(); i += every) {
        labels.add(new Tick(fmt(LEFT + (i + 0.5) * slot), SHORT.format(series.get(i).date())));
      }
      return labels;
    }
    for (int i = 0; i < series.size(); i++) {
      LocalDate day = series.get(i).date();
      if (day.getDayOfMonth() == 1 || (i == 0 && day.getDayOfMonth() <= 7)) {
        boolean january = day.getMonthValue() == 1 || labels.isEmpty();
        labels.add(new Tick(fmt(LEFT + i * slot), (january ? MONTH_YEAR : MONTH).format(day)));
      }
    }
    return labels;
  }

  private static String summary(List<DailyCalls> series, long total, @Nullable DailyCalls busiest) {
    if (series.isEmpty()) {
      return "No days to show.";
    }
    String range =
        "Calls per day from "
            + DAY.format(series.get(0).date())
            + " to "
            + DAY.format(series.get(series.size() - 1).date())
            + ": "
            + calls(total)
            + " in all";
    if (total == 0 || busiest == null) {
      return range + ".";
    }
    return range
        + "; the busiest day was "
        + DAY.format(busiest.date())
        + " with "
        + calls(busiest.calls())
        + ".";
  }

  static String calls(long calls) {
    return String.format(Locale.ENGLISH, "%,d call%s", calls, calls == 1 ? "" : "s");
  }

  /** 1,500 → 1.5k; 2,000,000 → 2M: short enough for the axis. */
  static String compact(long value) {
    if (value >= 1_000_000) {
      return trim(value / 1_000_000.0) + "M";
    }
    if (value >= 1_000) {
      return trim(value / 1_000.0) + "k";
    }
    return Long.toString(value);
  }

  private static String trim(double value) {
    String s = String.format(Locale.ROOT, "%.1f", value);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /**
   * One day's bar: the hit area of its whole slot (so a day without calls still has a hover title)
   * and the bar itself; coordinates in the SVG's user units.
   */
  record Bar(
      String slotX,
      String slotWidth,
      String x,
      String y,
      String width,
      String height,
      String label) {}

  /** An axis label at a position (y for the value axis, x for the days). */
  record Tick(String at, String label) {}
}
