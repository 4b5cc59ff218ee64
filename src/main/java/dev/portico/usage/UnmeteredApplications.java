package dev.portico.usage;

import java.util.UUID;

/**
 * The applications whose tokens' calls do not count (USE-2: the apps that are public in the store),
 * asked on every metered call: an implementation must answer from memory, with no database round
 * trip in the steady state, and be safe to call concurrently. The store module provides it.
 */
public interface UnmeteredApplications {

  /** No application is unmetered (a node without the store, and isolated test meters). */
  UnmeteredApplications NONE = applicationId -> false;

  /** Whether calls made with this application's tokens are left uncounted. */
  boolean isUnmetered(UUID applicationId);
}
