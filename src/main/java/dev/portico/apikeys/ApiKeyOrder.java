package dev.portico.apikeys;

import java.util.Arrays;
import java.util.Optional;

/** The orders a list of API keys can be shown in; the database sorts, never the caller. */
public enum ApiKeyOrder {
  NAME("name"),
  ACCESS_KEY("accessKey"),
  /** By the name, then the email, of the user the key acts for. */
  USER("user"),
  CREATED("created"),
  /** Never-used keys count as the oldest. */
  LAST_USED("lastUsed");

  private final String param;

  ApiKeyOrder(String param) {
    this.param = param;
  }

  /** The order's name in a {@code sort} parameter. */
  public String param() {
    return param;
  }

  public static Optional<ApiKeyOrder> ofParam(String param) {
    return Arrays.stream(values()).filter(o -> o.param.equals(param)).findFirst();
  }
}
