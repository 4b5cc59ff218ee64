package dev.portico.applications.internal;

import dev.portico.applications.Application;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An application with the hashes of its client secrets: what verification needs, never leaving the
 * module.
 *
 * @param previousHash the previous secret's hash while an overlap lasts (until {@code
 *     previousExpiresAt})
 */
public record StoredApplication(
    Application application,
    String secretHash,
    @Nullable String previousHash,
    @Nullable Instant previousExpiresAt) {

  @Override
  public String toString() {
    return "StoredApplication[" + application.clientId() + "]";
  }
}
