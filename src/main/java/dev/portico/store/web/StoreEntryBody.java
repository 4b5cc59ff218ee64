package dev.portico.store.web;

import dev.portico.store.StoreEntry;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A store entry over REST (SPEC §13); {@code checklist} is the launch checklist (STO-3), given to
 * the app's managers and the operator (empty for anyone else), {@code imageUrls} are the entry's
 * images.
 */
record StoreEntryBody(
    UUID id,
    UUID applicationId,
    String name,
    String summary,
    String type,
    String category,
    String teamVisibility,
    List<UUID> visibleTeamIds,
    @Nullable String description,
    @Nullable String supportUrl,
    @Nullable String supportEmail,
    @Nullable String vendor,
    @Nullable String version,
    String state,
    List<ChecklistItem> checklist,
    List<String> imageUrls) {

  /** One launch checklist item (STO-3); {@code id} is the item's key. */
  record ChecklistItem(String id, String label, boolean automatic, boolean done) {}

  static StoreEntryBody of(StoreEntry e) {
    return of(e, List.of());
  }

  static StoreEntryBody of(StoreEntry e, List<dev.portico.store.ChecklistItem> checklist) {
    return new StoreEntryBody(
        e.id(),
        e.applicationId(),
        e.name(),
        e.summary(),
        e.type().name(),
        e.category().name(),
        e.teamVisibility().name(),
        e.visibleTeamIds().stream().sorted().toList(),
        e.description(),
        e.supportUrl(),
        e.supportEmail(),
        e.vendor(),
        e.version(),
        e.state().name(),
        checklist.stream()
            .map(i -> new ChecklistItem(i.key(), i.label(), i.automatic(), i.done()))
            .toList(),
        e.imageUrls());
  }
}
