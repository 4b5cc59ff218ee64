package dev.portico.applications;

import java.util.Arrays;
import java.util.Optional;

/** The orders a list of applications can be shown in (APP-7); the database sorts. */
public enum ApplicationOrder {
  NAME("name"),
  TYPE("type"),
  CLIENT_ID("clientId"),
  CREATED("created");

  private final String param;

  ApplicationOrder(String param) {
    this.param = param;
  }

  /** The order's name in a {@code sort} parameter. */
  public String param() {
    return param;
  }

  public static Optional<ApplicationOrder> ofParam(String param) {
    return Arrays.stream(values()).filter(o -> o.param.equals(param)).findFirst();
  }
}
