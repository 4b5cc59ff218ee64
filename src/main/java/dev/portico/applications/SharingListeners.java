package dev.portico.applications;

import dev.portico.accounts.GroupDeleted;
import dev.portico.accounts.UserRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps sharing in step with the rest of the platform, synchronously and in the transaction of the
 * change (so that both happen or neither): the creator of a company's application is assigned to
 * it, a user who leaves the company loses their assignments, a deleted team or alias its own.
 */
@Component
class SharingListeners {

  private final ApplicationSharing sharing;

  SharingListeners(ApplicationSharing sharing) {
    this.sharing = sharing;
  }

  @EventListener
  void on(ApplicationRegistered event) {
    sharing.assignCreator(event);
  }

  @EventListener
  void on(UserRemoved event) {
    sharing.removeLeaver(event.actor(), event.accountId(), event.userId(), event.email());
  }

  @EventListener
  void on(GroupDeleted event) {
    sharing.removeDeletedGroup(event.kind(), event.groupId());
  }
}
