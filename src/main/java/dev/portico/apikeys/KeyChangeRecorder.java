package dev.portico.apikeys;

import dev.portico.accounts.AccountUpdated;
import dev.portico.accounts.UserAdded;
import dev.portico.accounts.UserRemoved;
import dev.portico.accounts.UserUpdated;
import dev.portico.apikeys.internal.KeyChanges;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the change feed that every node's {@link ApiKeyDirectory} reads, for changes made in the
 * accounts module that affect keys: a user changed (suspended, reactivated, role, license, name),
 * added to or removed from a company, an account renamed. The removal of a member also deletes
 * their keys of that company.
 *
 * <p>Synchronous on purpose ({@code @EventListener}, not after commit): the feed row and the key
 * deletions are part of the transaction of the change, so a change can never commit without them,
 * and a failure here rolls the change back rather than leaving a key working.
 */
@Component
class KeyChangeRecorder {

  private final KeyChanges changes;
  private final ApiKeyManagement management;
  private final Clock clock;

  KeyChangeRecorder(KeyChanges changes, ApiKeyManagement management, Clock clock) {
    this.changes = changes;
    this.management = management;
    this.clock = clock;
  }

  @EventListener
  void on(UserUpdated event) {
    changes.userChanged(event.userId(), clock.instant());
  }

  @EventListener
  void on(UserAdded event) {
    changes.userChanged(event.userId(), clock.instant());
  }

  @EventListener
  void on(UserRemoved event) {
    management.deleteKeysOfRemovedMember(event.actor(), event.accountId(), event.userId());
    changes.userChanged(event.userId(), clock.instant());
  }

  @EventListener
  void on(AccountUpdated event) {
    if (event.diff().containsKey("name")) {
      changes.accountChanged(event.accountId(), clock.instant());
    }
  }
}
