package dev.portico.notifications.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An email to put in the outbox, rendered.
 *
 * @param dedupeKey the event and the recipient: the outbox keeps one email per key, so a
 *     publication delivered twice never makes a second email
 * @param kind which email this is ({@code usage-threshold}, {@code invitation}, …)
 */
public record NewEmail(
    String dedupeKey,
    String kind,
    @Nullable UUID accountId,
    UUID recipientId,
    String recipient,
    String subject,
    String html,
    String text) {}
