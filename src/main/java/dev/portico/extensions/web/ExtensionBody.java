package dev.portico.extensions.web;

import dev.portico.extensions.ActionType;
import dev.portico.extensions.Extension;
import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionLocation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An extension over REST (SPEC §13); the icon is served at {@code iconUrl}, never inlined. */
@Schema(name = "Extension")
record ExtensionBody(
    UUID id,
    String name,
    @Nullable String description,
    ExtensionLocation location,
    @Nullable ExtensionContext context,
    String actionUrl,
    @Schema(description = "`POST` for a part number generator; `null` for embedded locations")
        @Nullable ActionType actionType,
    @Nullable String actionBody,
    boolean showResponse,
    @Schema(description = "Where Portico serves the icon; `null` when there is none")
        @Nullable String iconUrl) {

  static ExtensionBody of(Extension e) {
    return new ExtensionBody(
        e.id(),
        e.name(),
        e.description(),
        e.location(),
        e.context(),
        e.actionUrl(),
        e.effectiveActionType(),
        e.actionBody(),
        e.showResponse(),
        e.iconUrl());
  }
}
