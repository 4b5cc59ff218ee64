package dev.portico.applications;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * How long the previous client secret keeps working after a regeneration (APP-3): no time (the
 * reference platform's behaviour), one hour, a day or a week. REST names them in ISO-8601.
 */
public enum SecretOverlap {
  NONE(Duration.ZERO, "PT0S", "No time"),
  ONE_HOUR(Duration.ofHours(1), "PT1H", "1 hour"),
  ONE_DAY(Duration.ofHours(24), "PT24H", "24 hours"),
  SEVEN_DAYS(Duration.ofDays(7), "P7D", "7 days");

  private final Duration duration;
  private final String iso;
  private final String label;

  SecretOverlap(Duration duration, String iso, String label) {
    this.duration = duration;
    this.iso = iso;
    this.label = label;
  }

  public Duration duration() {
    return duration;
  }

  /** The ISO-8601 name REST uses: {@code PT0S}, {@code PT1H}, {@code PT24H} or {@code P7D}. */
  public String iso() {
    return iso;
  }

  public String label() {
    return label;
  }

  /** The overlap of exactly one of the four ISO-8601 names; any other text is empty. */
  public static Optional<SecretOverlap> ofIso(String text) {
    return Arrays.stream(values()).filter(o -> o.iso.equals(text.strip())).findFirst();
  }
}
