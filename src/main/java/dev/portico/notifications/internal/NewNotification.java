package dev.portico.notifications.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A console notification to add; {@code dedupeKey} (event + user) keeps it to one per event.
 *
 * @param link a console path, or {@code null}
 */
public record NewNotification(
    String dedupeKey, UUID userId, String title, String body, @Nullable String link) {}
