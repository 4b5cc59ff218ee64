package dev.portico.audit;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes auditable events the way a feature module does (inside its transaction), for changes
 * the console cannot make yet or with content the console would refuse.
 */
@Component
class TestAuditEvents {

  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;

  TestAuditEvents(ApplicationEventPublisher events, TransactionTemplate transactions) {
    this.events = events;
    this.transactions = transactions;
  }

  /** Publishes the events in one transaction that commits. */
  void commit(AuditableEvent... published) {
    transactions.executeWithoutResult(
        status -> {
          for (AuditableEvent event : published) {
            events.publishEvent(event);
          }
        });
  }

  /** Publishes the events in one transaction that then rolls back. */
  void rollBack(AuditableEvent... published) {
    transactions.executeWithoutResult(
        status -> {
          for (AuditableEvent event : published) {
            events.publishEvent(event);
          }
          status.setRollbackOnly();
        });
  }

  static Changed changed(@Nullable UUID accountId, String action, String target) {
    return new Changed(Actor.SYSTEM, accountId, action, target, Map.of());
  }

  /** A change of some feature module, as the audit module sees it: only the contract. */
  record Changed(
      Actor actor, @Nullable UUID accountId, String action, String target, Map<String, String> diff)
      implements AuditableEvent {

    Changed withDiff(Map<String, String> diff) {
      return new Changed(actor, accountId, action, target, diff);
    }

    Changed by(Actor actor) {
      return new Changed(actor, accountId, action, target, diff);
    }
  }
}
