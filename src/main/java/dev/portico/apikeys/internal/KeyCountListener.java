package dev.portico.apikeys.internal;

import dev.portico.apikeys.ApiKeyCreated;
import dev.portico.apikeys.ApiKeyDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link KeyCounts} in step with the keys. Synchronous on purpose: the count changes in the
 * transaction that creates or deletes the key, and every path that does either publishes one of
 * these events (the audit trail needs them too), so the count cannot drift.
 */
@Component
class KeyCountListener {

  private final KeyCounts counts;

  KeyCountListener(KeyCounts counts) {
    this.counts = counts;
  }

  @EventListener
  void on(ApiKeyCreated event) {
    counts.add(event.accountId(), 1);
  }

  @EventListener
  void on(ApiKeyDeleted event) {
    counts.add(event.accountId(), -1);
  }
}
