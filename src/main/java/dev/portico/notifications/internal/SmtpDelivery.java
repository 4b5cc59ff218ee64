package dev.portico.notifications.internal;

import dev.portico.notifications.NotificationsSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a batch of outbox emails over one SMTP connection, each as {@code multipart/alternative}
 * (plain text first, HTML preferred). Each message carries the outbox id as its {@code Message-ID},
 * so a resend after a crash between sending and marking (at-least-once) can be recognised by mail
 * systems that drop duplicate ids.
 */
@Component
class SmtpDelivery {

  private final NotificationsSettings settings;

  SmtpDelivery(NotificationsSettings settings) {
    this.settings = settings;
  }

  /** Which emails of the batch failed, with why; the others were accepted by the server. */
  record Outcome(Map<UUID, String> failures) {}

  Outcome send(JavaMailSender sender, List<OutboxEmail> emails) {
    Map<UUID, String> failures = new HashMap<>();
    Map<MimeMessage, OutboxEmail> messages = new IdentityHashMap<>();
    for (OutboxEmail email : emails) {
      try {
        messages.put(message(sender, email), email);
      } catch (MessagingException | RuntimeException e) {
        failures.put(email.id(), describe(e));
      }
    }
    if (messages.isEmpty()) {
      return new Outcome(failures);
    }
    try {
      sender.send(messages.keySet().toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      if (e.getFailedMessages().isEmpty()) {
        messages.values().forEach(email -> failures.put(email.id(), describe(e)));
      }
      e.getFailedMessages()
          .forEach(
              (message, cause) -> {
                OutboxEmail email = messages.get(message);
                if (email != null) {
                  failures.put(email.id(), describe(cause));
                }
              });
    } catch (MailException e) {
      messages.values().forEach(email -> failures.put(email.id(), describe(e)));
    }
    return new Outcome(failures);
  }

  private MimeMessage message(JavaMailSender sender, OutboxEmail email) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    message.setFrom(new InternetAddress(settings.from(), true));
    message.setRecipient(
        MimeMessage.RecipientType.TO, new InternetAddress(email.recipient(), true));
    message.setSubject(email.subject(), "UTF-8");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(email.text(), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(email.html(), "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    // kept by JavaMailSenderImpl when it saves the message
    message.setHeader("Message-ID", "<" + email.id() + "@portico.outbox>");
    return message;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    Throwable cause = e.getCause();
    String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
      text += " (" + cause.getMessage() + ")";
    }
    return Notice.oneLine(text);
  }
}
