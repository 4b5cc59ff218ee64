package dev.portico.store.web;

import dev.portico.store.StoreEntryDraft;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A create or change request's body: on create a missing name, summary or type comes from the app
 * (STO-1's prefill); on change a missing or {@code null} field keeps its value and {@code ""}
 * clears an optional one. Images have their own endpoint ({@code StoreEntryImagesRestController}).
 */
record StoreEntryInput(
    @Nullable String name,
    @Nullable String summary,
    @Nullable String type,
    @Nullable String category,
    @Nullable String teamVisibility,
    @Nullable List<UUID> visibleTeamIds,
    @Nullable String description,
    @Nullable String supportUrl,
    @Nullable String supportEmail,
    @Nullable String vendor,
    @Nullable String version) {

  StoreEntryDraft over(StoreEntryDraft base) {
    return new StoreEntryDraft(
        or(name, base.name()),
        or(summary, base.summary()),
        or(type, base.type()),
        or(category, base.category()),
        or(teamVisibility, base.teamVisibility()),
        visibleTeamIds == null ? base.visibleTeamIds() : Set.copyOf(visibleTeamIds),
        orNullable(description, base.description()),
        orNullable(supportUrl, base.supportUrl()),
        orNullable(supportEmail, base.supportEmail()),
        orNullable(vendor, base.vendor()),
        orNullable(version, base.version()));
  }

  private static String or(@Nullable String value, String base) {
    return value == null ? base : value;
  }

  private static @Nullable String orNullable(@Nullable String value, @Nullable String base) {
    return value == null ? base : value;
  }
}
