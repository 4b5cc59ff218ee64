package dev.portico.store;

import dev.portico.system.Actor;
import dev.portico.system.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/**
 * A store entry was created, changed or deleted, or moved on its way to the store (AUD-1); {@code
 * action} is {@code store-entry.created}, {@code .updated}, {@code .deleted}, {@code
 * .checklist-ticked}, {@code .publication-requested}, {@code .approved} or {@code .returned}. The
 * diff never holds image bytes.
 */
public record StoreEntryChanged(
    Actor actor,
    UUID accountId,
    UUID applicationId,
    UUID entryId,
    String name,
    String action,
    Map<String, String> diff)
    implements AuditableEvent {

  public StoreEntryChanged {
    diff = Map.copyOf(diff);
  }

  @Override
  public String target() {
    return "store entry " + name;
  }
}
