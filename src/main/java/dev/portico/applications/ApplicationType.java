package dev.portico.applications;

/** What kind of application it is (APP-2), with the words the console shows. */
public enum ApplicationType {
  INTEGRATED_CLOUD("Integrated Cloud App"),
  CONNECTED_CLOUD("Connected Cloud App"),
  /** A desktop app: it cannot keep a secret, so authorization requires PKCE (OAU-2). */
  CONNECTED_DESKTOP("Connected Desktop App");

  private final String label;

  ApplicationType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
