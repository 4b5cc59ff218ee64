package dev.portico.applications;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portico.accounts.GroupDeleted;
import dev.portico.accounts.GroupUpdated;
import dev.portico.accounts.InvitationAccepted;
import dev.portico.accounts.UserAdded;
import dev.portico.accounts.UserRemoved;
import dev.portico.accounts.UserUpdated;
import dev.portico.system.ChangeSubscriber;
import dev.portico.system.ChangedSubjects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The answers of {@link ApplicationSharing#mayUse}, kept by each node for at most {@code
 * portico.applications.cache-expiry} (5 s): the bound on how long a change made on another node
 * takes to show. Changes made on this node (assignments, an application deleted, a user's license,
 * state or company, a team's or alias's members) evict the answers they touch once they commit; an
 * {@link ApplicationUseSource}'s changes, announced on the change feed, evict them on every node.
 */
@Component
class UseAnswers implements ChangeSubscriber {

  private final Cache<Key, Boolean> cache;

  UseAnswers(ApplicationsSettings settings) {
    this.cache =
        Caffeine.newBuilder().expireAfterWrite(settings.cacheExpiry()).maximumSize(200_000).build();
  }

  /**
   * The remembered answer, or a new one. Each reader decides for itself on a miss rather than
   * waiting for another thread's decision (see {@code ApplicationDirectory}: a waiter that holds a
   * pooled connection could starve the decider of one).
   */
  boolean get(UUID userId, UUID applicationId, BooleanSupplier decide) {
    Key key = new Key(userId, applicationId);
    Boolean known = cache.getIfPresent(key);
    if (known != null) {
      return known;
    }
    boolean decided = decide.getAsBoolean();
    cache.put(key, decided);
    return decided;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(ApplicationAssignmentAdded event) {
    forgetApplication(event.applicationId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(ApplicationAssignmentRemoved event) {
    forgetApplication(event.applicationId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(ApplicationDeleted event) {
    forgetApplication(event.applicationId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(UserUpdated event) {
    forgetUser(event.userId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(UserAdded event) {
    forgetUser(event.userId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(UserRemoved event) {
    forgetUser(event.userId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(InvitationAccepted event) {
    forgetUser(event.userId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(GroupUpdated event) {
    // the event does not say whose membership changed; group edits are rare
    cache.invalidateAll();
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(GroupDeleted event) {
    cache.invalidateAll();
  }

  @Override
  public Set<String> topics() {
    return Set.of(ApplicationUseSource.TOPIC);
  }

  /** Another module's answer for these applications changed ({@link ApplicationUseSource}). */
  @Override
  public void changed(ChangedSubjects changes) {
    for (String subject : changes.of(ApplicationUseSource.TOPIC)) {
      try {
        forgetApplication(UUID.fromString(subject));
      } catch (IllegalArgumentException notAnId) {
        // not ours to mend; nothing cached under it
      }
    }
  }

  private void forgetApplication(UUID applicationId) {
    cache.asMap().keySet().removeIf(k -> k.applicationId().equals(applicationId));
  }

  private void forgetUser(UUID userId) {
    cache.asMap().keySet().removeIf(k -> k.userId().equals(userId));
  }

  private record Key(UUID userId, UUID applicationId) {}
}
