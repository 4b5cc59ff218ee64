package dev.portico.extensions.internal;

import dev.portico.extensions.PartNumberRequest;
import dev.portico.extensions.ReplacementAttribute;
import dev.portico.system.InvalidInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The body Portico POSTs to a part number generator (EXT-3a), and its limits. */
public final class PartNumberBodies {

  private PartNumberBodies() {}

  /**
   * Exactly {@code {id, documentId, elementId, workspaceId, elementType, partId, companyId,
   * partNumber, configuration, categories[]}} in that order, absent values as null; the company
   * defaults to {@code defaultCompanyId}.
   */
  public static Map<String, @Nullable Object> body(PartNumberRequest r, String defaultCompanyId) {
    String company = r.companyId();
    Map<String, @Nullable Object> body = new LinkedHashMap<>();
    body.put("id", r.id());
    body.put("documentId", r.documentId());
    body.put("elementId", r.elementId());
    body.put("workspaceId", r.workspaceId());
    body.put("elementType", r.elementType());
    body.put("partId", r.partId());
    body.put("companyId", company == null || company.isBlank() ? defaultCompanyId : company);
    body.put("partNumber", r.partNumber());
    body.put("configuration", r.configuration());
    body.put("categories", r.categories());
    return body;
  }

  /**
   * A request made of an action's context (a generator run from the preview): its ids, the part id
   * as the item's id (a random one without a part).
   */
  public static PartNumberRequest fromContext(Map<ReplacementAttribute, String> c) {
    String partId = c.get(ReplacementAttribute.PART_ID);
    return new PartNumberRequest(
        partId != null ? partId : UUID.randomUUID().toString(),
        c.get(ReplacementAttribute.DOCUMENT_ID),
        c.get(ReplacementAttribute.ELEMENT_ID),
        c.get(ReplacementAttribute.WORKSPACE_ID),
        null,
        partId,
        c.get(ReplacementAttribute.COMPANY_ID),
        c.get(ReplacementAttribute.PART_NUMBER),
        c.get(ReplacementAttribute.CONFIGURATION),
        null);
  }

  /** Refuses values over {@link PartNumberRequest#MAX_VALUE} and too many categories. */
  public static void check(PartNumberRequest r) {
    List<@Nullable String> values =
        java.util.Arrays.asList(
            r.id(),
            r.documentId(),
            r.elementId(),
            r.workspaceId(),
            r.elementType(),
            r.partId(),
            r.companyId(),
            r.partNumber(),
            r.configuration());
    if (values.stream().anyMatch(v -> v != null && v.length() > PartNumberRequest.MAX_VALUE)) {
      throw InvalidInput.of(
          "partNumberRequest",
          "each value must be at most " + PartNumberRequest.MAX_VALUE + " characters");
    }
    List<String> categories = r.categories();
    if (categories != null
        && (categories.size() > PartNumberRequest.MAX_CATEGORIES
            || categories.stream().anyMatch(c -> c.length() > PartNumberRequest.MAX_VALUE))) {
      throw InvalidInput.of(
          "categories",
          "at most "
              + PartNumberRequest.MAX_CATEGORIES
              + " categories of at most "
              + PartNumberRequest.MAX_VALUE
              + " characters each");
    }
  }
}
