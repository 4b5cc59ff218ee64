package dev.portico.applications;

import dev.portico.accounts.User;
import dev.portico.system.Actor;
import dev.portico.system.NotFound;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The External OAuth tokens users gave Portico for an app's own server (APP-6), for the modules
 * that call that server for the user (extension actions, EXT-4) and for My account → Applications
 * (OAU-5). Tokens never leave this module except as the bearer value of one call.
 */
public interface ExternalAccess {

  /**
   * The user's External OAuth access token for the app, refreshed first if it has expired (or
   * expires within 30 s); empty when the app has no External OAuth configuration or the user has
   * not granted it (or revoked it, or its refresh failed).
   */
  Optional<String> accessToken(UUID userId, UUID applicationId);

  /** The console path where the signed-in user grants the app External access. */
  String grantPath(UUID applicationId);

  /** The applications the user granted External access, the most recent grant first. */
  List<ExternalApplication> grants(UUID userId);

  /**
   * The applications with External OAuth the user may use (assigned to them, or theirs to manage or
   * edit) and has not granted yet, by name; at most 50.
   */
  List<ExternalApplication> grantable(User user);

  /**
   * Deletes the tokens the user gave Portico for the app and records {@link ExternalAccessRevoked};
   * {@link NotFound} when the user holds no such grant.
   */
  ExternalApplication revoke(Actor actor, User user, UUID applicationId);
}
