package dev.portico.extensions;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an action extension does when the user picks it (EXT-2, EXT-4): Portico calls the action URL
 * with GET or POST (with the user's External OAuth token) and may show the JSON response, or the
 * browser opens the URL in a new window.
 */
public enum ActionType {
  GET("GET", true),
  POST("POST", true),
  OPEN_IN_NEW_WINDOW("Open in new window", false);

  private final String label;
  private final boolean calledByPortico;

  ActionType(String label, boolean calledByPortico) {
    this.label = label;
    this.calledByPortico = calledByPortico;
  }

  public String label() {
    return label;
  }

  /** Whether Portico makes the call (GET, POST) rather than the user's browser. */
  public boolean calledByPortico() {
    return calledByPortico;
  }

  /** Whether an action body is allowed: POST only (EXT-4). */
  public boolean takesBody() {
    return this == POST;
  }

  /** Whether "Show response" is allowed: GET and POST only (EXT-4). */
  public boolean mayShowResponse() {
    return calledByPortico;
  }

  public static Optional<ActionType> ofWire(String name) {
    return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
  }
}
