package dev.portico.notifications.internal;

import dev.portico.accounts.UserInvited;
import dev.portico.applications.ApplicationSecretRegenerated;
import dev.portico.applications.OwnershipTransferred;
import dev.portico.store.StoreReviewDecided;
import dev.portico.usage.UsageThresholdReached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands failed publications of the {@link NotificationListeners} back to them every {@code
 * portico.notifications.resubmit-interval}: a listener that failed (the database was down), and one
 * that never finished because its node died ({@code spring.modulith.events.staleness.*} marks those
 * failed). Only this module's listeners: other modules decide about their own. Several nodes may do
 * it at once; the registry claims each publication for one of them, and a publication handled twice
 * writes nothing twice (dedupe keys).
 */
@Component
class PublicationResubmission {

  private static final Logger log = LoggerFactory.getLogger(PublicationResubmission.class);

  private final FailedEventPublications failed;

  PublicationResubmission(FailedEventPublications failed) {
    this.failed = failed;
  }

  @Scheduled(
      fixedDelayString = "${portico.notifications.resubmit-interval:1m}",
      initialDelayString = "${portico.notifications.resubmit-interval:1m}")
  void resubmitFailed() {
    try {
      failed.resubmit(
          ResubmissionOptions.defaults().withFilter(PublicationResubmission::isNotification));
    } catch (RuntimeException e) {
      log.warn("Failed notification events not resubmitted: {}", e.getMessage());
    }
  }

  /**
   * Publications of the events this module listens to. The public API does not name a publication's
   * listener, so another module's listener of the same event would be resubmitted too; Modulith
   * listeners must be idempotent anyway.
   */
  static boolean isNotification(EventPublication publication) {
    Object event = publication.getEvent();
    return event instanceof UsageThresholdReached
        || event instanceof UserInvited
        || event instanceof ApplicationSecretRegenerated
        || event instanceof OwnershipTransferred
        || event instanceof StoreReviewDecided;
  }
}
