package dev.portico.applications;

import java.util.Optional;
import java.util.UUID;

/**
 * The External OAuth tokens users gave Portico for an app's own server (APP-6), for the modules
 * that call that server for the user (extension actions, EXT-4). Tokens never leave this module
 * except as the bearer value of one call.
 */
public interface ExternalAccess {

  /**
   * The user's External OAuth access token for the app, refreshed first if it has expired; empty
   * when the app has no External OAuth configuration or the user has not granted it (or revoked it,
   * or its refresh failed).
   */
  Optional<String> accessToken(UUID userId, UUID applicationId);

  /** The console path where the signed-in user grants the app External access. */
  String grantPath(UUID applicationId);
}
