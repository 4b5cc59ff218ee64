package dev.portico.system;

/** The action breaks a rule about the current state (for example: removing the last admin). */
public class Conflict extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public Conflict(String message) {
    super(message);
  }
}
