package dev.portico.notifications;

import dev.portico.usage.UsageThresholdReached;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What the notification tests share: publishing as the app does, waiting, reading emails. */
final class Emails {

  private Emails() {}

  /** Waits for something asynchronous (a listener, a sender) — never a timing assertion. */
  static ConditionFactory eventually() {
    return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
  }

  static UsageThresholdReached threshold(UUID accountId, String accountName, int threshold) {
    return new UsageThresholdReached(
        accountId,
        accountName,
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 12, 31),
        threshold,
        threshold * 10L,
        1000L);
  }

  /** Publishes the event in a transaction, as the usage module does when it records a threshold. */
  static void publishCommitted(
      TransactionTemplate tx, ApplicationEventPublisher events, Object event) {
    tx.executeWithoutResult(status -> events.publishEvent(event));
  }

  /** The outbox rows of this recipient, in any state. */
  static long outboxRowsTo(JdbcClient jdbc, String recipient) {
    return jdbc.sql("select count(*) from not_email where recipient = :r")
        .param("r", recipient)
        .query(Long.class)
        .single();
  }

  static long outboxRowsTo(JdbcClient jdbc, String recipient, String state) {
    return jdbc.sql("select count(*) from not_email where recipient = :r and state = :s")
        .param("r", recipient)
        .param("s", state)
        .query(Long.class)
        .single();
  }

  /** Publications not yet completed (completed ones are deleted) that mention this id. */
  static long openPublicationsAbout(JdbcClient jdbc, UUID id) {
    return jdbc.sql("select count(*) from event_publication where serialized_event like :id")
        .param("id", "%" + id + "%")
        .query(Long.class)
        .single();
  }

  /** The part of this multipart/alternative message with the given type (text/plain, text/html). */
  static String part(MimeMessage message, String type) {
    try {
      MimeMultipart alternative = (MimeMultipart) message.getContent();
      if (!alternative.getContentType().startsWith("multipart/alternative")) {
        throw new AssertionError("not multipart/alternative: " + alternative.getContentType());
      }
      for (int i = 0; i < alternative.getCount(); i++) {
        BodyPart part = alternative.getBodyPart(i);
        if (part.isMimeType(type)) {
          return (String) part.getContent();
        }
      }
      throw new AssertionError("no " + type + " part");
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
