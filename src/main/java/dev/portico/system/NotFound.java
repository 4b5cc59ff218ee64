package dev.portico.system;

/**
 * The thing asked for does not exist, or the caller may not know it exists. Both answer the same so
 * that ids of other tenants cannot be probed.
 */
public class NotFound extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotFound(String what) {
    super(what + " not found");
  }
}
