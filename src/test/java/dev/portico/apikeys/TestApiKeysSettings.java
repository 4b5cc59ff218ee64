package dev.portico.apikeys;

import java.time.Duration;

/** {@link ApiKeysSettings} with the defaults, for unit tests. */
public final class TestApiKeysSettings {

  private TestApiKeysSettings() {}

  public static ApiKeysSettings defaults() {
    return new ApiKeysSettings(false, 2, Duration.ofMinutes(10), Duration.ofSeconds(30));
  }
}
