package dev.portico.extensions;

import org.jspecify.annotations.Nullable;

/**
 * What the editor (console form or REST body) says about an extension (EXT-1); {@link
 * ExtensionRules} checks it, field by field, with the field names of the form and the REST body.
 * Text is trimmed; a blank description or action body is none.
 *
 * @param actionType {@code null} for the embedded locations and, meaning its implicit POST, for the
 *     part number generator
 */
public record ExtensionDraft(
    String name,
    @Nullable String description,
    @Nullable ExtensionLocation location,
    @Nullable ExtensionContext context,
    String actionUrl,
    @Nullable ActionType actionType,
    @Nullable String actionBody,
    boolean showResponse) {

  public ExtensionDraft {
    name = name == null ? "" : name.strip();
    description = description == null || description.isBlank() ? null : description.strip();
    actionUrl = actionUrl == null ? "" : actionUrl.strip();
    actionBody = actionBody == null || actionBody.isBlank() ? null : actionBody.strip();
  }

  /** The draft of an extension as it is now: what the edit form and a PATCH start from. */
  public static ExtensionDraft of(Extension e) {
    return new ExtensionDraft(
        e.name(),
        e.description(),
        e.location(),
        e.context(),
        e.actionUrl(),
        e.actionType(),
        e.actionBody(),
        e.showResponse());
  }

  /** The action type the extension would run with: POST for the part number generator. */
  public @Nullable ActionType effectiveActionType() {
    return location == ExtensionLocation.PART_NUMBER_GENERATOR ? ActionType.POST : actionType;
  }
}
