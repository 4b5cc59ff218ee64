package dev.portico.extensions;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code {$…}} replacement attributes of an action URL or body (EXT-3), by the name written
 * between {@code {$} and {@code }}. Which ones a location and context provide is {@link
 * ExtensionLocation#attributes(ExtensionContext)}.
 */
public enum ReplacementAttribute {
  DOCUMENT_ID("documentId", false),
  WORKSPACE_OR_VERSION("workspaceOrVersion", false),
  WORKSPACE_OR_VERSION_ID("workspaceOrVersionId", false),
  WORKSPACE_ID("workspaceId", true),
  VERSION_ID("versionId", true),
  MICROVERSION_ID("microversionId", false),
  TAB_ELEMENT_ID("tabElementId", false),
  ELEMENT_ID("elementId", false),
  PART_ID("partId", false),
  PART_NUMBER("partNumber", false),
  REVISION("revision", false),
  COMPANY_ID("companyId", false),
  MIME_TYPE("mimeType", false),
  FEATURE_ID("featureId", false),
  NODE_ID("nodeId", false),
  OCCURRENCE_PATH("occurrencePath", false),
  CONFIGURATION("configuration", false),
  SESSION_COMPANY_ID("sessionCompanyId", false);

  private final String key;
  private final boolean deprecated;

  ReplacementAttribute(String key, boolean deprecated) {
    this.key = key;
    this.deprecated = deprecated;
  }

  /** The name inside {@code {$…}}, also the name of a context value on the wire. */
  public String key() {
    return key;
  }

  /** The placeholder as written in a template: {@code {$documentId}}. */
  public String placeholder() {
    return "{$" + key + "}";
  }

  /** Deprecated by the reference platform but still accepted (EXT-3a †). */
  public boolean deprecated() {
    return deprecated;
  }

  public static Optional<ReplacementAttribute> ofKey(String key) {
    return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
  }
}
