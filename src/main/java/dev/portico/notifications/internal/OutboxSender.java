package dev.portico.notifications.internal;

import dev.portico.notifications.NotificationsSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Each node's sender of the outbox (NOT-1): every {@code poll-interval} it claims the emails that
 * are due, sends them over one SMTP connection, and marks each one sent, or failed with the next
 * try {@code retryDelay(attempts)} later (exponential, capped at {@code retry-max}; never given
 * up). It runs on a thread of its own, so a slow or unreachable SMTP server never delays the
 * application's other scheduled work. Without {@code spring.mail.host} there is no {@link
 * JavaMailSender} and nothing is sent: the emails are held (NOT-2).
 */
@Component
class OutboxSender implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final Outbox outbox;
  private final ObjectProvider<JavaMailSender> mail;
  private final SmtpDelivery smtp;
  private final NotificationsSettings settings;
  private final Clock clock;
  private @Nullable ThreadPoolTaskScheduler scheduler;
  private @Nullable ScheduledFuture<?> task;
  // read by the sending thread between batches, so not behind the lock stop() holds while waiting
  private volatile boolean running;

  OutboxSender(
      Outbox outbox,
      ObjectProvider<JavaMailSender> mail,
      SmtpDelivery smtp,
      NotificationsSettings settings,
      Clock clock) {
    Assert.notNull(outbox, "outbox cannot be null");
    Assert.notNull(smtp, "smtp cannot be null");
    this.outbox = outbox;
    this.mail = mail;
    this.smtp = smtp;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      log.info("No SMTP server configured (spring.mail.host): emails are held in the outbox");
      return;
    }
    ThreadPoolTaskScheduler started = new ThreadPoolTaskScheduler();
    started.setThreadNamePrefix("outbox-");
    started.setPoolSize(1);
    // a graceful stop lets the batch under way be sent and marked, rather than sent again later
    started.setWaitForTasksToCompleteOnShutdown(true);
    started.setAwaitTerminationSeconds(30);
    started.initialize();
    scheduler = started;
    running = true;
    task = started.scheduleWithFixedDelay(() -> drain(sender), settings.pollInterval());
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (task != null) {
      task.cancel(false);
    }
    if (scheduler != null) {
      scheduler.shutdown();
    }
    task = null;
    scheduler = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Sends batches until no claimable email is left (a backlog drains at once, not one a poll). */
  void drain(JavaMailSender sender) {
    try {
      int claimed;
      do {
        claimed = sendOneBatch(sender);
      } while (claimed == settings.batchSize() && isRunning());
    } catch (DataAccessException e) {
      log.warn("Outbox not read: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.error("Outbox sender failed", e);
    }
  }

  private int sendOneBatch(JavaMailSender sender) {
    Instant now = clock.instant();
    Outbox.Claim claim = outbox.claimDue(now, settings.claimTimeout(), settings.batchSize());
    List<OutboxEmail> emails = claim.emails();
    if (emails.isEmpty()) {
      return 0;
    }
    SmtpDelivery.Outcome outcome = smtp.send(sender, emails);
    Instant done = clock.instant();
    for (OutboxEmail email : emails) {
      String error = outcome.failures().get(email.id());
      if (error == null) {
        if (!outbox.markSent(email.id(), claim.token(), done)) {
          log.warn("Email {} was sent after its claim ran out", email.id());
        }
      } else {
        int failed = email.attempts() + 1;
        outbox.markFailed(email.id(), claim.token(), error, done.plus(settings.retryDelay(failed)));
        log.warn("Email {} not sent (try {}): {}", email.id(), failed, error);
      }
    }
    return emails.size();
  }

  @Override
  public int getPhase() {
    // stops before the web server and the data source (default phase) go away
    return SmartLifecycle.DEFAULT_PHASE - 1;
  }
}
