package dev.portico.extensions;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One extension of an application (EXT-1): where it appears and what it shows or calls there. The
 * icon's bytes are not part of it; {@code iconType} says whether there is one ({@code image/png} or
 * {@code image/svg+xml}).
 */
public record Extension(
    UUID id,
    UUID applicationId,
    String name,
    @Nullable String description,
    ExtensionLocation location,
    @Nullable ExtensionContext context,
    String actionUrl,
    @Nullable ActionType actionType,
    @Nullable String actionBody,
    boolean showResponse,
    @Nullable String iconType,
    Instant createdAt,
    @Nullable UUID createdBy,
    Instant updatedAt) {

  /** Where Portico serves the icon, if there is one. */
  public @Nullable String iconUrl() {
    return iconType == null ? null : "/extensions/" + id + "/icon";
  }

  /**
   * The action type the extension runs with: the chosen one for context menus, POST for the part
   * number generator, none for embedded locations.
   */
  public @Nullable ActionType effectiveActionType() {
    return location == ExtensionLocation.PART_NUMBER_GENERATOR ? ActionType.POST : actionType;
  }
}
