package dev.portico.applications;

import java.util.Optional;

/**
 * A module that can keep an application from being deleted says why (APP-5: an app with a store
 * entry cannot be deleted until the entry is). Implementations are Spring beans; the applications
 * module asks each of them before it deletes.
 */
public interface ApplicationDeletionCheck {

  /** Why the application cannot be deleted now, if it cannot. */
  Optional<Blocker> blocker(Application application);

  /**
   * What keeps the application.
   *
   * @param message what the user reads, for example "Delete its store entry first."
   * @param link where the thing that blocks it is, for the console to link to
   */
  record Blocker(String message, String link) {}
}
