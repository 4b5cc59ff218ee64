package dev.portico.store.web;

import dev.portico.store.StoreEntry;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A store entry as the store shows it over REST (STO-4): what its page shows, without the owner's
 * team-visibility settings, and whether the caller subscribed.
 */
record StoreItemBody(
    UUID id,
    UUID applicationId,
    String name,
    String summary,
    String type,
    String category,
    @Nullable String description,
    @Nullable String supportUrl,
    @Nullable String supportEmail,
    @Nullable String vendor,
    @Nullable String version,
    String state,
    List<String> imageUrls,
    boolean subscribed) {

  static StoreItemBody of(StoreEntry e, boolean subscribed) {
    return new StoreItemBody(
        e.id(),
        e.applicationId(),
        e.name(),
        e.summary(),
        e.type().name(),
        e.category().name(),
        e.description(),
        e.safeSupportUrl(),
        e.supportEmail(),
        e.vendor(),
        e.version(),
        e.state().name(),
        e.imageUrls(),
        subscribed);
  }
}
