package dev.portico.notifications.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An email in the outbox, as stored. */
public record OutboxEmail(
    UUID id,
    String kind,
    @Nullable UUID accountId,
    String recipient,
    String subject,
    String html,
    String text,
    EmailState state,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    @Nullable Instant sentAt,
    @Nullable String lastError) {}
