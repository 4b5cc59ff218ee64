package dev.portico.usage.web;

import dev.portico.accounts.Account;
import dev.portico.system.Htmx;
import dev.portico.system.ResultPage;
import dev.portico.usage.BreakdownRow;
import dev.portico.usage.DailyCalls;
import dev.portico.usage.UsageDimension;
import dev.portico.usage.UsageQueries;
import dev.portico.usage.UsageRange;
import dev.portico.usage.UsageSummary;
import dev.portico.usage.web.BreakdownLabels.BreakdownLine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.Assert;

/**
 * What the two API usage pages (Company settings and My account) do alike (USE-6): the summary with
 * its thresholds, the chart of calls per day with its table, the breakdown tabs (links that htmx
 * swaps in place, whole pages without it) and the CSV export. Bad parameters answer 400 with the
 * page of the whole period and the errors next to the range fields, the input kept.
 */
@Component
class UsagePages {

  static final int PAGE_SIZE = 50;

  private final UsageQueries queries;
  private final BreakdownLabels labels;

  UsagePages(UsageQueries queries, BreakdownLabels labels) {
    Assert.notNull(queries, "queries cannot be null");
    Assert.notNull(labels, "labels cannot be null");
    this.queries = queries;
    this.labels = labels;
  }

  String showUsage(
      UsagePlace place,
      @Nullable String from,
      @Nullable String to,
      @Nullable String by,
      @Nullable String page,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    UsageSummary summary = queries.summary(place.account().id());
    UsageParameters params =
        UsageParameters.read(
            summary.period(), from, to, "by", by, UsageDimension.APPLICATION, false);
    if (!params.valid()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    UsageRange range = params.range();
    UsageDimension dimension = Objects.requireNonNull(params.dimension());
    List<DailyCalls> series = queries.series(place.account().id(), range);
    UsageChart chart = UsageChart.of(series);
    ResultPage<BreakdownRow> rows =
        queries.breakdown(
            place.account().id(),
            range,
            dimension,
            new ResultPage.Request(number(page), PAGE_SIZE));
    ResultPage<BreakdownLine> breakdown =
        new ResultPage<>(
            labels.lines(place.account().id(), dimension, rows.items(), chart.total()),
            rows.page(),
            rows.size(),
            rows.total());
    model.addAttribute("place", place);
    model.addAttribute("summary", summary);
    model.addAttribute("meter", MeterView.of(summary));
    Map<String, String> errors = new HashMap<>();
    params.violations().forEach(v -> errors.putIfAbsent(v.field(), v.message()));
    model.addAttribute("errors", errors);
    model.addAttribute(
        "fromValue", params.valid() || from == null ? range.from().toString() : from);
    model.addAttribute("toValue", params.valid() || to == null ? range.to().toString() : to);
    model.addAttribute("range", range);
    model.addAttribute("rangeQuery", rangeQuery(range));
    model.addAttribute("chart", chart);
    model.addAttribute("barsSvg", chart.barsMarkup());
    model.addAttribute("daysTable", UsageChart.tableMarkup(series));
    model.addAttribute("dimension", dimension);
    model.addAttribute("dimensions", List.of(UsageDimension.values()));
    model.addAttribute("breakdown", breakdown);
    model.addAttribute("pagerLink", place.base() + "?by=" + dimension.code() + rangeQuery(range));
    return Htmx.view(request, "usage/usage", "breakdown");
  }

  /** The CSV of calls per day ({@code by=day}) or of a whole breakdown, over the range asked. */
  ResponseEntity<String> export(
      UsagePlace place, @Nullable String from, @Nullable String to, @Nullable String by) {
    UsageSummary summary = queries.summary(place.account().id());
    UsageParameters params = UsageParameters.read(summary.period(), from, to, "by", by, null, true);
    if (!params.valid()) {
      throw new UsageParameters.Invalid(params.violations());
    }
    UsageRange range = params.range();
    UsageDimension dimension = params.dimension();
    String csv;
    if (dimension == null) {
      csv = UsageCsv.days(queries.series(place.account().id(), range));
    } else {
      List<BreakdownRow> rows = queries.breakdown(place.account().id(), range, dimension);
      long total = rows.stream().mapToLong(BreakdownRow::calls).sum();
      csv =
          UsageCsv.breakdown(dimension, labels.lines(place.account().id(), dimension, rows, total));
    }
    return UsageCsv.download(place.account().id().toString(), range, dimension, csv);
  }

  /** {@code &from=…&to=…} for links that keep a custom range; empty for the whole period. */
  static String rangeQuery(UsageRange range) {
    return range.wholePeriod() ? "" : "&from=" + range.from() + "&to=" + range.to();
  }

  private static int number(@Nullable String page) {
    if (page == null || page.isBlank() || page.length() > 9) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(page.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Whose usage page this is.
   *
   * @param base the page's path; the export is below it
   * @param developer the Developer page above it
   */
  record UsagePlace(Account account, String base, String developer) {
    public boolean company() {
      return account.isCompanyType();
    }
  }

  /**
   * The used / allocation bar: its filled width and the four threshold marks, in the SVG's units (0
   * to {@link #WIDTH}).
   */
  record MeterView(String fill, List<Mark> marks) {

    static final int WIDTH = 400;

    static MeterView of(UsageSummary summary) {
      double shown = Math.min(100.0, summary.percent());
      return new MeterView(
          String.format(java.util.Locale.ROOT, "%.2f", WIDTH * shown / 100.0),
          UsageSummary.THRESHOLDS.stream()
              .map(t -> new Mark(t, WIDTH * t / 100, summary.reached(t)))
              .toList());
    }

    /** A threshold's mark: where it is and whether it was reached. */
    record Mark(int threshold, int x, boolean reached) {}
  }
}
