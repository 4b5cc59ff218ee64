package dev.portico.authserver;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/**
 * A user revoked their grant to an application from My account → Applications (OAU-5, AUD-1): every
 * code and token it held has stopped working. Recorded under the user's own account (their company,
 * else their personal account). {@link GrantsRevoked} is published with it, for the caches and the
 * consent store.
 *
 * @param authorizations how many authorizations (token families) the grant held
 */
public record GrantRevokedByUser(
    Actor actor,
    UUID accountId,
    UUID userId,
    UUID applicationId,
    String applicationName,
    int authorizations,
    Map<String, String> diff)
    implements AuditableEvent {

  public GrantRevokedByUser {
    diff = Map.copyOf(diff);
  }

  @Override
  public String action() {
    return "grant.revoked";
  }

  @Override
  public String target() {
    return "grant to " + applicationName + " (" + applicationId + ")";
  }
}
