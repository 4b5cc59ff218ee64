package dev.portico.applications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An application as the External access section of My account → Applications shows it (OAU-5): one
 * the user granted, or one they may grant.
 *
 * @param ownerName the owning account's name
 * @param scopes the scopes granted, or for an app not granted yet the scopes it asks for
 * @param grantedAt when the user granted it, {@code null} when they have not
 */
public record ExternalApplication(
    UUID id, String name, String ownerName, List<String> scopes, @Nullable Instant grantedAt) {

  public ExternalApplication {
    scopes = List.copyOf(scopes);
  }
}
