package dev.portico.apikeys.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a signed request's {@code Date} header: exactly what {@link
 * DateTimeFormatter#RFC_1123_DATE_TIME} accepts, with the same instant, but the form clients send —
 * {@code Wed, 02 Dec 2026 08:49:37 GMT} or {@code Wed, 2 Dec 2026 08:49:37 GMT} — read by hand: the
 * formatter's general parse and resolve took about 7 % of the request threads' CPU samples in
 * signed calls (issue 12, JFR). Anything else — other letter case, an offset, no weekday, an
 * impossible date or time, a weekday that does not match — goes to the formatter, which decides.
 */
final class RequestDates {

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private RequestDates() {}

  /**
   * The instant of an RFC 1123 date.
   *
   * @throws DateTimeParseException when it is not one
   */
  static Instant parse(String text) {
    Instant common = parseCommonForm(text);
    return common != null
        ? common
        : ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
  }

  /**
   * {@code Ddd, D[D] Mmm YYYY HH:MM:SS GMT} with a valid date and time and its own weekday, or
   * {@code null} for anything else (left to the formatter).
   */
  static @Nullable Instant parseCommonForm(String text) {
    int shift = text.length() - 28; // 0: a one-digit day, 1: two digits
    if (shift != 0 && shift != 1) {
      return null;
    }
    if (!text.startsWith(", ", 3)
        || text.charAt(6 + shift) != ' '
        || text.charAt(10 + shift) != ' '
        || text.charAt(15 + shift) != ' '
        || text.charAt(18 + shift) != ':'
        || text.charAt(21 + shift) != ':'
        || !text.startsWith(" GMT", 24 + shift)) {
      return null;
    }
    int weekday = indexOf(DAYS, text, 0);
    int day = digits(text, 5, 1 + shift);
    int month = indexOf(MONTHS, text, 7 + shift);
    int year = digits(text, 11 + shift, 4);
    int hour = digits(text, 16 + shift, 2);
    int minute = digits(text, 19 + shift, 2);
    int second = digits(text, 22 + shift, 2);
    if (weekday < 0 || day < 1 || month < 0 || year < 0 || hour < 0 || hour > 23) {
      return null;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    LocalDate date = LocalDate.of(year, month + 1, 1);
    if (day > date.lengthOfMonth()) {
      return null;
    }
    date = date.withDayOfMonth(day);
    if (date.getDayOfWeek() != DayOfWeek.of(weekday + 1)) {
      return null;
    }
    return Instant.ofEpochSecond(
        date.toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second);
  }

  /** The index of the three letters at {@code from} among {@code names}, or -1. */
  private static int indexOf(String[] names, String text, int from) {
    for (int i = 0; i < names.length; i++) {
      if (text.startsWith(names[i], from)) {
        return i;
      }
    }
    return -1;
  }

  /** The decimal value of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
