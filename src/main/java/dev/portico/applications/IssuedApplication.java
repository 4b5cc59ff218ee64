package dev.portico.applications;

/**
 * An application with a client secret just made, at registration or regeneration: the only moment
 * the secret is ever shown (APP-3). Do not log it; {@link #toString()} leaves the secret out.
 */
public record IssuedApplication(Application application, String clientSecret) {

  @Override
  public String toString() {
    return "IssuedApplication[" + application.clientId() + "]";
  }
}
