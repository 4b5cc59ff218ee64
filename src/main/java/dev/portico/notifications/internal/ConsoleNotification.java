package dev.portico.notifications.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A notification in the console (NOT-2), as stored.
 *
 * @param link a console path (e.g. {@code /my/invitations}), or {@code null}
 */
public record ConsoleNotification(
    UUID id,
    UUID userId,
    String title,
    String body,
    @Nullable String link,
    Instant createdAt,
    @Nullable Instant readAt) {

  public boolean unread() {
    return readAt == null;
  }
}
