package dev.portico.usage.web;

import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.AccountRef;
import dev.portico.accounts.ApiCaller;
import dev.portico.usage.BreakdownRow;
import dev.portico.usage.UsageDimension;
import dev.portico.usage.UsageQueries;
import dev.portico.usage.UsageRange;
import dev.portico.usage.UsageSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's API usage over REST (SPEC §13, USE-6): for the company's admins, the user themself
 * for their personal account ({@code me}) and the operator's credentials; anyone else gets 404, as
 * for an account that does not exist. Who may see the account is checked before the parameters, so
 * a 400 never tells that an account exists.
 */
@RestController
@Tag(name = "Usage", description = "API usage of an account against its annual allocation")
class UsageRestController {

  private static final Logger log = LoggerFactory.getLogger(UsageRestController.class);

  private final UsageQueries queries;
  private final AccountAccess access;

  UsageRestController(UsageQueries queries, AccountAccess access) {
    this.queries = queries;
    this.access = access;
  }

  @GetMapping("/api/developer/accounts/{accountId}/usage")
  @Operation(
      summary = "Read the account's API usage of its current allocation period",
      description =
          "Counted calls (USE-2) of the current period against its allocation, the thresholds"
              + " reached (25, 50, 75, 100 %), calls per day over `from`..`to` (every day, zero"
              + " when none) and a breakdown by `groupBy`, most calls first. `from` and `to` are"
              + " ISO dates inside the current period (default: its first and last day);"
              + " `groupBy=day` (the default) gives the days as the breakdown. `breakdown[].key`"
              + " is an application, API key or user id, or an endpoint group's name. For the"
              + " company's admins, the user for `me`, and the operator.")
  UsageBody readUsage(
      ApiCaller caller,
      @PathVariable AccountRef accountId,
      @Parameter(
              description = "First day, ISO date inside the current period",
              schema = @Schema(type = "string", format = "date", example = "2026-01-01"))
          @RequestParam(required = false)
          @Nullable String from,
      @Parameter(
              description = "Last day (inclusive), ISO date inside the current period",
              schema = @Schema(type = "string", format = "date", example = "2026-12-31"))
          @RequestParam(required = false)
          @Nullable String to,
      @Parameter(
              description = "What the breakdown groups by",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"day", "application", "apiKey", "user", "endpoint"},
                      defaultValue = "day"))
          @RequestParam(required = false)
          @Nullable String groupBy) {
    UUID id = access.requireAccountView(caller, access.resolve(caller.userId(), accountId)).id();
    UsageSummary summary = queries.summary(id);
    UsageParameters params =
        UsageParameters.read(summary.period(), from, to, "groupBy", groupBy, null, true);
    if (!params.valid()) {
      throw new UsageParameters.Invalid(params.violations());
    }
    UsageRange range = params.range();
    List<SeriesItem> series =
        queries.series(id, range).stream().map(d -> new SeriesItem(d.date(), d.calls())).toList();
    UsageDimension dimension = params.dimension();
    List<BreakdownItem> breakdown =
        dimension == null
            ? series.stream().map(s -> new BreakdownItem(s.date().toString(), s.calls())).toList()
            : queries.breakdown(id, range, dimension).stream().map(BreakdownItem::of).toList();
    return new UsageBody(
        id,
        new PeriodBody(summary.period().start(), summary.period().lastDay()),
        range.from(),
        range.to(),
        dimension == null ? UsageParameters.DAY : dimension.code(),
        summary.allocation(),
        summary.used(),
        summary.percent(),
        summary.thresholdsReached(),
        series,
        breakdown);
  }

  /**
   * Bad {@code from}, {@code to} or {@code groupBy}: 400 with every field named, no value echoed.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> badParameters(UsageParameters.Invalid e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "One or more query parameters are not valid.");
    problem.setType(URI.create("https://portico.dev/problems/invalid-parameter"));
    problem.setTitle("Invalid parameter");
    problem.setProperty(
        "errors",
        e.violations().stream()
            .map(v -> Map.of("field", v.field(), "message", v.message()))
            .toList());
    log.warn("REST request refused: 400 invalid usage parameters");
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * The usage of an account.
   *
   * @param from the first day of the series and breakdown
   * @param to their last day (inclusive)
   */
  record UsageBody(
      UUID accountId,
      PeriodBody period,
      LocalDate from,
      LocalDate to,
      @Schema(example = "apiKey") String groupBy,
      @Schema(description = "Counted calls the period allows") long allocation,
      @Schema(description = "Counted calls so far in the period") long used,
      @Schema(description = "`used` in percent of `allocation`, rounded down to one decimal")
          double percent,
      @Schema(description = "Thresholds (25, 50, 75, 100) reached in the period, ascending")
          List<Integer> thresholdsReached,
      List<SeriesItem> series,
      List<BreakdownItem> breakdown) {}

  /** The current allocation period, both days inclusive. */
  record PeriodBody(LocalDate start, @Schema(description = "Last day, inclusive") LocalDate end) {}

  /** Calls of one day. */
  record SeriesItem(LocalDate date, long calls) {}

  /** Calls of one value of {@code groupBy}. */
  record BreakdownItem(
      @Schema(description = "An id, an endpoint group's name, or a date for `groupBy=day`")
          String key,
      long calls) {
    static BreakdownItem of(BreakdownRow row) {
      return new BreakdownItem(row.key(), row.calls());
    }
  }
}
