package dev.portico.store;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a form or request asks an entry to be, as typed: the choices are wire names so that an
 * unknown one is a field error of {@link StoreEntryRules}, not an exception.
 */
public record StoreEntryDraft(
    String name,
    String summary,
    String type,
    String category,
    String teamVisibility,
    Set<UUID> visibleTeamIds,
    @Nullable String description,
    @Nullable String supportUrl,
    @Nullable String supportEmail,
    @Nullable String vendor,
    @Nullable String version) {

  public StoreEntryDraft {
    visibleTeamIds = Set.copyOf(visibleTeamIds);
  }

  public static StoreEntryDraft of(StoreEntry e) {
    return new StoreEntryDraft(
        e.name(),
        e.summary(),
        e.type().name(),
        e.category().name(),
        e.teamVisibility().name(),
        e.visibleTeamIds(),
        e.description(),
        e.supportUrl(),
        e.supportEmail(),
        e.vendor(),
        e.version());
  }
}
