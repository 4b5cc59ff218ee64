package dev.portico.apikeys;

import dev.portico.accounts.UserRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deletes the keys a member held in a company when they leave it (KEY-3): their keys of that
 * company act for the company, which they no longer belong to.
 *
 * <p>Synchronous on purpose ({@code @EventListener}, not after commit): the deletions (and the
 * change-feed rows they write) are part of the transaction of the removal, so a removal can never
 * commit with a key still working.
 */
@Component
class RemovedMemberKeys {

  private final ApiKeyManagement management;

  RemovedMemberKeys(ApiKeyManagement management) {
    this.management = management;
  }

  @EventListener
  void on(UserRemoved event) {
    management.deleteKeysOfRemovedMember(event.actor(), event.accountId(), event.userId());
  }
}
