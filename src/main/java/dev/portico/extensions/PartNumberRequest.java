package dev.portico.extensions;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The part a {@code PART_NUMBER_GENERATOR} extension is asked to number (EXT-3a): Portico POSTs
 * exactly these fields to the action URL, {@code categories} as an array, absent ones as null.
 * {@code companyId} defaults to the user's company ({@code cad} outside one).
 */
public record PartNumberRequest(
    @Nullable String id,
    @Nullable String documentId,
    @Nullable String elementId,
    @Nullable String workspaceId,
    @Nullable String elementType,
    @Nullable String partId,
    @Nullable String companyId,
    @Nullable String partNumber,
    @Nullable String configuration,
    @Nullable List<String> categories) {

  /** The longest value of one field, as for a context value of an action. */
  public static final int MAX_VALUE = 1000;

  /** The most categories one request may carry. */
  public static final int MAX_CATEGORIES = 100;

  public PartNumberRequest {
    categories = categories == null ? List.of() : List.copyOf(categories);
  }
}
