package dev.portico.usage.web;

import dev.portico.system.InvalidInput.FieldViolation;
import dev.portico.usage.AllocationPeriod;
import dev.portico.usage.UsageDimension;
import dev.portico.usage.UsageRange;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of the usage page and endpoint, read by hand so that every bad value is a
 * field error (400 on REST, next to the field in the console) and never a 500: {@code from} and
 * {@code to} (ISO dates inside the current period, {@code from} not after {@code to}; missing, the
 * period's first and last day) and the grouping ({@code day} or a {@link UsageDimension}). Messages
 * name the rule, never echo the value.
 *
 * @param range the days asked for; the whole period when the parameters are invalid
 * @param dimension the breakdown asked for; {@code null} for calls per day
 * @param violations what was wrong, empty when nothing was
 */
record UsageParameters(
    UsageRange range, @Nullable UsageDimension dimension, List<FieldViolation> violations) {

  static final String DAY = "day";

  UsageParameters {
    violations = List.copyOf(violations);
  }

  /**
   * Reads {@code from}, {@code to} and the grouping parameter called {@code groupField}; {@code
   * fallback} is the grouping when it is absent (or invalid).
   */
  static UsageParameters read(
      AllocationPeriod period,
      @Nullable String from,
      @Nullable String to,
      String groupField,
      @Nullable String group,
      @Nullable UsageDimension fallback,
      boolean dayAllowed) {
    List<FieldViolation> violations = new ArrayList<>();
    LocalDate first = date(period, "from", from, period.start(), violations);
    LocalDate last = date(period, "to", to, period.lastDay(), violations);
    if (violations.isEmpty() && first.isAfter(last)) {
      violations.add(new FieldViolation("to", "must not be before from"));
    }
    Optional<UsageDimension> dimension = Optional.ofNullable(fallback);
    if (group != null && !group.isBlank()) {
      String g = group.strip();
      if (dayAllowed && DAY.equals(g)) {
        dimension = Optional.empty();
      } else {
        Optional<UsageDimension> named = UsageDimension.ofCode(g);
        if (named.isPresent()) {
          dimension = named;
        } else {
          violations.add(
              new FieldViolation(
                  groupField,
                  "must be one of: "
                      + (dayAllowed ? DAY + ", " : "")
                      + "application, apiKey, user, endpoint"));
        }
      }
    }
    UsageRange range =
        violations.stream().anyMatch(v -> !v.field().equals(groupField))
            ? UsageRange.of(period)
            : new UsageRange(period, first, last);
    return new UsageParameters(range, dimension.orElse(null), violations);
  }

  boolean valid() {
    return violations.isEmpty();
  }

  private static LocalDate date(
      AllocationPeriod period,
      String field,
      @Nullable String value,
      LocalDate absent,
      List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    LocalDate day;
    try {
      day = value.length() > 10 ? null : LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      day = null;
    }
    if (day == null) {
      violations.add(new FieldViolation(field, "must be a date such as 2026-01-31"));
      return absent;
    }
    if (!period.contains(day)) {
      violations.add(
          new FieldViolation(
              field,
              "must lie in the current period, " + period.start() + " to " + period.lastDay()));
      return absent;
    }
    return day;
  }

  /** Bad parameters of the REST endpoint: answered 400 with every field error. */
  static final class Invalid extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldViolation> violations;

    Invalid(List<FieldViolation> violations) {
      super("Invalid usage parameters");
      this.violations = List.copyOf(violations);
    }

    List<FieldViolation> violations() {
      return violations;
    }
  }
}
