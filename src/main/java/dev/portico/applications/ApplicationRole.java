package dev.portico.applications;

/**
 * What a user may do with an application. A {@link #MANAGER} (an admin of the owning company, the
 * individual owner, the operator) may do everything; an {@link #EDITOR} (a collaborator, a member
 * of the admin team) may change the app's definition: Settings, Permissions and Extensions.
 */
public enum ApplicationRole {
  MANAGER,
  EDITOR;

  public boolean manages() {
    return this == MANAGER;
  }
}
