package dev.portico.notifications.internal;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one event tells each of its recipients: an email (subject, template and its values) and the
 * matching console notification (title, body, link).
 *
 * @param eventKey identifies the event; with the recipient it makes the dedupe key
 * @param kind the template name and the outbox's kind of email
 * @param link a console path the email and the notification point to, or {@code null}
 */
record Notice(
    String eventKey,
    String kind,
    @Nullable UUID accountId,
    String subject,
    Map<String, Object> values,
    String title,
    String body,
    @Nullable String link) {

  Notice {
    values = Map.copyOf(values);
    subject = oneLine(subject);
    title = oneLine(title);
  }

  /** No control character (no CR/LF: a subject is a mail header) and at most 250 characters. */
  static String oneLine(String text) {
    String flat = text.replaceAll("\\p{Cntrl}+", " ").strip();
    return flat.length() > 250 ? flat.substring(0, 249) + "…" : flat;
  }
}
