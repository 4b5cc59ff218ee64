package dev.portico.applications;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/**
 * A user revoked an application's External access from My account → Applications (OAU-5): Portico
 * deleted the tokens it held for them at the app's own server. Recorded under the user's own
 * account (their company, else their personal account).
 */
public record ExternalAccessRevoked(
    Actor actor,
    UUID accountId,
    UUID userId,
    UUID applicationId,
    String applicationName,
    Map<String, String> diff)
    implements AuditableEvent {

  public ExternalAccessRevoked {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "external-access.revoked";
  }

  @Override
  public String target() {
    return "External access of " + applicationName + " (" + applicationId + ")";
  }
}
