package dev.portico.store.internal;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationUseSource;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Subscribers may authorize the app (STO-4): a member of the owning company who subscribed to the
 * app's entry and may still see it (a beta tester of a private entry) may use it like an assigned
 * user (SHR-3). Asked only on a miss of {@code ApplicationAssignments.mayUse}'s cache; {@code
 * StoreSubscriptions} records {@value ApplicationUseSource#TOPIC} on every change.
 */
@Component
class SubscribedUse implements ApplicationUseSource {

  private final EntryRows entries;
  private final SubscriptionRows subscriptions;
  private final EntryVisibility visibility;

  SubscribedUse(EntryRows entries, SubscriptionRows subscriptions, EntryVisibility visibility) {
    this.entries = entries;
    this.subscriptions = subscriptions;
    this.visibility = visibility;
  }

  @Override
  public boolean allows(User user, UUID applicationId) {
    return !user.isLight()
        && entries
            .ofApplication(applicationId)
            .filter(entry -> subscriptions.exists(entry.id(), user.id()))
            .filter(entry -> visibility.sees(user, entry))
            .isPresent();
  }
}
