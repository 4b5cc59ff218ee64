package dev.portico.apikeys;

import java.util.regex.Pattern;

/**
 * The operator's API key given at start-up as {@code <accessKey>:<secretKey>} (TEN-5). Messages
 * about a malformed value never repeat any part of it: a misplaced colon would otherwise put the
 * secret in the start-up log.
 */
record BootstrapKey(String accessKey, String secretKey) {

  private static final Pattern ACCESS_KEY = Pattern.compile("[A-Za-z0-9]{16,64}");
  private static final Pattern SECRET_KEY = Pattern.compile("[A-Za-z0-9]{32,128}");

  /**
   * Parses and checks a configured value.
   *
   * @throws IllegalArgumentException saying what is wrong, without the value
   */
  static BootstrapKey parse(String value) {
    String trimmed = value.strip();
    int colon = trimmed.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected <accessKey>:<secretKey>");
    }
    String accessKey = trimmed.substring(0, colon);
    String secretKey = trimmed.substring(colon + 1);
    if (!ACCESS_KEY.matcher(accessKey).matches()) {
      throw new IllegalArgumentException(
          "the access key (before the colon) must be 16 to 64 letters A-Z, a-z or digits");
    }
    if (!SECRET_KEY.matcher(secretKey).matches()) {
      throw new IllegalArgumentException(
          "the secret key (after the colon) must be 32 to 128 letters A-Z, a-z or digits");
    }
    return new BootstrapKey(accessKey, secretKey);
  }

  @Override
  public String toString() {
    return "BootstrapKey[" + accessKey + "]";
  }
}
