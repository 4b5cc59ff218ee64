package dev.portico.extensions;

import dev.portico.extensions.internal.ExtensionRows;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Extensions stored straight through {@link ExtensionRows} for the action tests (the editor's
 * checks are not under test here).
 */
public final class TestExtensions {

  private TestExtensions() {}

  /** A document-list context-menu action on a Part. */
  public static Extension action(
      ExtensionRows rows,
      UUID applicationId,
      ActionType type,
      String actionUrl,
      @Nullable String actionBody) {
    return store(
        rows,
        applicationId,
        ExtensionLocation.DOCUMENT_LIST_CONTEXT_MENU,
        ExtensionContext.PART,
        type,
        actionUrl,
        actionBody);
  }

  /** The app's part number generator. */
  public static Extension partNumberGenerator(
      ExtensionRows rows, UUID applicationId, String actionUrl) {
    return store(
        rows, applicationId, ExtensionLocation.PART_NUMBER_GENERATOR, null, null, actionUrl, null);
  }

  public static Extension store(
      ExtensionRows rows,
      UUID applicationId,
      ExtensionLocation location,
      @Nullable ExtensionContext context,
      @Nullable ActionType type,
      String actionUrl,
      @Nullable String actionBody) {
    Instant now = Instant.now();
    Extension e =
        new Extension(
            UUID.randomUUID(),
            applicationId,
            "Action " + UUID.randomUUID().toString().substring(0, 8),
            null,
            location,
            context,
            actionUrl,
            type,
            actionBody,
            type != null && type.mayShowResponse(),
            null,
            now,
            null,
            now);
    rows.insert(e, null);
    return e;
  }
}
