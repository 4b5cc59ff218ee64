package dev.portico.usage;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a usage breakdown groups calls by (USE-6): the dimensions of the {@code use_period_total}
 * counters, named as the REST {@code groupBy} parameter and the counters' {@code dimension} column
 * name them.
 */
public enum UsageDimension {
  APPLICATION("application", "Application"),
  API_KEY("apiKey", "API key"),
  USER("user", "User"),
  ENDPOINT("endpoint", "Endpoint group");

  private final String code;
  private final String label;

  UsageDimension(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The name in the counters and in query parameters: {@code application}, {@code apiKey} … */
  public String code() {
    return code;
  }

  /** The console's word for it. */
  public String label() {
    return label;
  }

  /** The dimension with this name (exact case), if any. */
  public static Optional<UsageDimension> ofCode(String code) {
    return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
  }
}
