package dev.portico.notifications.internal;

import dev.portico.accounts.User;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Writes what a {@link Notice} tells one recipient: an email into the outbox and a notification
 * into their console, both keyed by event and recipient so that a second delivery of the same event
 * adds nothing. Without an SMTP server ({@code spring.mail.host} unset) the email is held (NOT-2).
 */
@Component
class Deliveries {

  private final EmailTemplates templates;
  private final Outbox outbox;
  private final ConsoleNotifications notifications;
  private final Links links;
  private final ObjectProvider<JavaMailSender> mail;
  private final Clock clock;

  Deliveries(
      EmailTemplates templates,
      Outbox outbox,
      ConsoleNotifications notifications,
      Links links,
      ObjectProvider<JavaMailSender> mail,
      Clock clock) {
    Assert.notNull(templates, "templates cannot be null");
    Assert.notNull(outbox, "outbox cannot be null");
    Assert.notNull(notifications, "notifications cannot be null");
    this.templates = templates;
    this.outbox = outbox;
    this.notifications = notifications;
    this.links = links;
    this.mail = mail;
    this.clock = clock;
  }

  /** The notice's email and notification for this recipient, in the caller's transaction. */
  void deliver(Notice notice, User to) {
    String key = notice.eventKey() + ":" + to.id();
    Map<String, Object> values = new HashMap<>(notice.values());
    values.put("recipient", to);
    values.put("link", notice.link() == null ? links.absolute("/") : links.absolute(notice.link()));
    EmailTemplates.Rendered email = templates.render(notice.kind(), values);
    EmailState state = mail.getIfAvailable() == null ? EmailState.HELD : EmailState.PENDING;
    outbox.add(
        new NewEmail(
            key,
            notice.kind(),
            notice.accountId(),
            to.id(),
            to.email(),
            notice.subject(),
            email.html(),
            email.text()),
        state,
        clock.instant());
    notifications.add(
        new NewNotification(key, to.id(), notice.title(), notice.body(), notice.link()),
        clock.instant());
  }
}
