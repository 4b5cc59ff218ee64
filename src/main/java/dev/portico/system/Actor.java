package dev.portico.system;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is making a change, and from where. Carried by every auditable event so that listeners never
 * need the web request.
 *
 * @param userId the acting user, {@code null} for the system itself (start-up, schedulers)
 * @param email the acting user's email at the time of the change
 * @param operator whether the actor is the platform operator
 * @param sourceIp the client address of the request, {@code null} outside a request
 */
public record Actor(
    @Nullable UUID userId, String email, boolean operator, @Nullable String sourceIp) {

  /** The actor for changes Portico makes by itself (demo data, bootstrap). */
  public static final Actor SYSTEM = new Actor(null, "system", false, null);

  /** Whether this actor is the system rather than a person. */
  public boolean isSystem() {
    return userId == null;
  }
}
