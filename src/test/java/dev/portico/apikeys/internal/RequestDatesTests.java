package dev.portico.apikeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-read {@code Date} accepts and refuses exactly what {@link
 * DateTimeFormatter#RFC_1123_DATE_TIME} does, with the same instant: compared over random dates in
 * both common forms and over every one-character change of them.
 */
class RequestDatesTests {

  private static final DateTimeFormatter TWO_DIGIT_DAY =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
  private static final String CHANGES = "0123456789 ,:+-ADFGJMNOSTadegmnotuxZ";

  @Test
  void parseWhenCommonFormsThenTheFormattersInstantWithoutTheFormatter() {
    Random random = new Random(12);
    for (int i = 0; i < 20_000; i++) {
      Instant at = Instant.ofEpochSecond(random.nextLong(-2_208_988_800L, 7_258_118_400L));
      ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
      for (String text :
          new String[] {
            DateTimeFormatter.RFC_1123_DATE_TIME.format(utc), TWO_DIGIT_DAY.format(utc)
          }) {
        assertThat(RequestDates.parseCommonForm(text)).as(text).isEqualTo(at);
        assertThat(RequestDates.parse(text)).as(text).isEqualTo(at);
      }
    }
  }

  @Test
  void parseWhenAnyOneCharacterChangedThenAsTheFormatterDecides() {
    Random random = new Random(34);
    for (int i = 0; i < 100; i++) {
      ZonedDateTime utc =
          Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L)).atZone(ZoneOffset.UTC);
      String text =
          i % 2 == 0 ? TWO_DIGIT_DAY.format(utc) : DateTimeFormatter.RFC_1123_DATE_TIME.format(utc);
      for (int at = 0; at < text.length(); at++) {
        for (char c : CHANGES.toCharArray()) {
          String changed = text.substring(0, at) + c + text.substring(at + 1);
          assertSameAsFormatter(changed);
          assertSameAsFormatter(text.substring(0, at) + text.substring(at + 1));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Thu, 29 Feb 2024 23:59:59 GMT", // leap day
        "Wed, 29 Feb 2023 12:00:00 GMT", // no such day
        "Tue, 31 Apr 2016 20:08:56 GMT",
        "Tue, 11 Apr 2016 20:08:56 GMT", // the 11th was a Monday
        "Mon, 11 Apr 2016 24:00:00 GMT",
        "Mon, 11 Apr 2016 20:60:56 GMT",
        "Mon, 11 Apr 2016 20:08:60 GMT",
        "mon, 11 apr 2016 20:08:56 gmt", // the formatter ignores case
        "Mon, 11 Apr 2016 20:08:56 +0000",
        "Mon, 11 Apr 2016 22:08:56 +0200",
        "11 Apr 2016 20:08:56 GMT", // no weekday
        "Mon, 11 Apr 2016 20:08 GMT", // no seconds
        "Mon, 00 Apr 2016 20:08:56 GMT",
        "Mon, 11 Apr 16 20:08:56 GMT",
        "Mon, 11 Apr 2016 20:08:56 UTC",
        "Mon, 11 Apr 2016 20:08:56 GMT ",
        "Mon, ١١ Apr 2016 20:08:56 GMT", // non-ASCII digits
        ""
      })
  void parseWhenEdgeCasesThenAsTheFormatterDecides(String text) {
    assertSameAsFormatter(text);
  }

  private static void assertSameAsFormatter(String text) {
    Optional<Instant> expected = formatter(text);
    Instant common = RequestDates.parseCommonForm(text);
    if (common != null) {
      assertThat(expected).as(text).contains(common);
    }
    if (expected.isPresent()) {
      assertThat(RequestDates.parse(text)).as(text).isEqualTo(expected.get());
    } else {
      assertThatThrownBy(() -> RequestDates.parse(text))
          .as(text)
          .isInstanceOf(DateTimeParseException.class);
    }
  }

  private static Optional<Instant> formatter(String text) {
    try {
      return Optional.of(
          ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
