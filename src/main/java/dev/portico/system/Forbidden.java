package dev.portico.system;

/** The caller is known but their role does not allow the action. */
public class Forbidden extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public Forbidden(String message) {
    super(message);
  }
}
