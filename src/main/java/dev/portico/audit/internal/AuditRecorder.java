package dev.portico.audit.internal;

import dev.portico.audit.AuditEntry;
import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Records every {@link AuditableEvent} as it is published. The listener is synchronous on purpose:
 * it writes in the publisher's transaction, so an entry exists if and only if the change commits,
 * and a change whose entry cannot be written does not commit either.
 */
@Component
class AuditRecorder {

  private final AuditEntries entries;
  private final Clock clock;

  AuditRecorder(AuditEntries entries, Clock clock) {
    Assert.notNull(entries, "entries cannot be null");
    Assert.notNull(clock, "clock cannot be null");
    this.entries = entries;
    this.clock = clock;
  }

  @EventListener
  void record(AuditableEvent event) {
    entries.insert(toEntry(event));
  }

  private AuditEntry toEntry(AuditableEvent event) {
    Actor actor = event.actor();
    return new AuditEntry(
        UUID.randomUUID(),
        clock.instant(),
        new Actor(
            actor.userId(),
            AuditRedaction.cap(actor.email(), AuditRedaction.MAX_EMAIL),
            actor.operator(),
            AuditRedaction.capNullable(actor.sourceIp(), AuditRedaction.MAX_SOURCE_IP)),
        event.accountId(),
        AuditRedaction.cap(event.action(), AuditRedaction.MAX_ACTION),
        AuditRedaction.cap(event.target(), AuditRedaction.MAX_TARGET),
        AuditRedaction.diff(event.diff()));
  }
}
