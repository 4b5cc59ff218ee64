package dev.portico.extensions.web;

import dev.portico.extensions.ActionType;
import dev.portico.extensions.Extension;
import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.extensions.VisibleApplication;
import dev.portico.extensions.VisibleExtension;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An extension a user may see, on the wire (EXT-5): the §13 extension body, its application, and
 * its action URL resolved for the asked context.
 */
@Schema(name = "VisibleExtension")
record VisibleExtensionBody(
    UUID id,
    String name,
    @Nullable String description,
    ExtensionLocation location,
    @Nullable ExtensionContext context,
    @Schema(description = "The action URL as the developer wrote it, with its `{$…}` attributes")
        String actionUrl,
    @Schema(description = "`POST` for a part number generator; none for embedded locations")
        @Nullable ActionType actionType,
    @Nullable String actionBody,
    boolean showResponse,
    @Schema(description = "Where Portico serves the icon (relative), if there is one")
        @Nullable String iconUrl,
    @Schema(description = "The application's id (the reference platform's `applicationId`)")
        UUID applicationId,
    AppBody application,
    @Schema(
            description =
                "The action URL for the asked context: each `{$attribute}` replaced by the"
                    + " URL-encoded value of the query parameter of that name (empty when none was"
                    + " given), then `server`, `companyId`, `userId`, `locale` and `clientId`"
                    + " appended (EXT-3)")
        String resolvedActionUrl) {

  static VisibleExtensionBody of(VisibleExtension visible) {
    Extension e = visible.extension();
    VisibleApplication app = visible.application();
    return new VisibleExtensionBody(
        e.id(),
        e.name(),
        e.description(),
        e.location(),
        e.context(),
        e.actionUrl(),
        e.effectiveActionType(),
        e.actionBody(),
        e.showResponse(),
        e.iconUrl(),
        app.id(),
        new AppBody(app.id(), app.name(), app.clientId()),
        visible.resolvedActionUrl());
  }

  static List<VisibleExtensionBody> of(List<VisibleExtension> visible) {
    return visible.stream().map(VisibleExtensionBody::of).toList();
  }

  /** The application of an extension. */
  @Schema(name = "VisibleExtensionApplication")
  record AppBody(UUID id, String name, String clientId) {}

  /** {@code GET /api/extensions}: an object, not a bare array, for a cookie-authenticated GET. */
  @Schema(name = "VisibleExtensions")
  record Items(List<VisibleExtensionBody> items) {}
}
