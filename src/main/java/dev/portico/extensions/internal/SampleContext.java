package dev.portico.extensions.internal;

import static dev.portico.extensions.ReplacementAttribute.*;

import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.extensions.ReplacementAttribute;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sample context values for the preview (issue 10, item 8): one realistic value for every {@link
 * ReplacementAttribute}, shaped like the reference platform's (24-hex ids, {@code w} for a
 * workspace, part ids like {@code JHD}, the {@code default} configuration), which a developer may
 * override. {@link #at} keeps only what a location and context provide (EXT-3a).
 */
public final class SampleContext {

  /** The longest sample value a developer may type; longer ones are refused at their field. */
  public static final int MAX_VALUE_LENGTH = 200;

  private static final Map<ReplacementAttribute, String> DEFAULTS = defaultValues();

  private final Map<ReplacementAttribute, String> values;

  private SampleContext(Map<ReplacementAttribute, String> values) {
    this.values = Collections.unmodifiableMap(new EnumMap<>(values));
  }

  /** The built-in sample: a part in Part Studio 1 of a document's main workspace. */
  public static SampleContext defaults() {
    return new SampleContext(DEFAULTS);
  }

  /** This sample with one value replaced. */
  public SampleContext with(ReplacementAttribute attribute, String value) {
    EnumMap<ReplacementAttribute, String> copy = new EnumMap<>(values);
    copy.put(attribute, value);
    return new SampleContext(copy);
  }

  /** Every attribute's value, in the order of {@link ReplacementAttribute}. */
  public Map<ReplacementAttribute, String> values() {
    return values;
  }

  public String value(ReplacementAttribute attribute) {
    return values.getOrDefault(attribute, "");
  }

  /**
   * The values an extension at this location and context receives: only the attributes available
   * there (EXT-3a). An element tab has none to replace, but its page gets the document, workspace,
   * version and element ids as query parameters, so those four are given.
   */
  public Map<ReplacementAttribute, String> at(
      ExtensionLocation location, @Nullable ExtensionContext context) {
    List<ReplacementAttribute> available =
        location == ExtensionLocation.ELEMENT_TAB
            ? List.of(DOCUMENT_ID, WORKSPACE_ID, VERSION_ID, ELEMENT_ID)
            : List.copyOf(location.attributes(context));
    EnumMap<ReplacementAttribute, String> out = new EnumMap<>(ReplacementAttribute.class);
    for (ReplacementAttribute a : available) {
      out.put(a, value(a));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The body a part number generator receives for this sample (EXT-3a): {@code {id, documentId,
   * elementId, workspaceId, elementType, partId, companyId, partNumber, configuration,
   * categories[]}}, in that order; the values are the sample's.
   */
  public Map<String, Object> partNumberRequest() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", value(PART_ID) + "-" + value(ELEMENT_ID));
    body.put("documentId", value(DOCUMENT_ID));
    body.put("elementId", value(ELEMENT_ID));
    body.put("workspaceId", value(WORKSPACE_ID));
    body.put("elementType", "PARTSTUDIO");
    body.put("partId", value(PART_ID));
    body.put("companyId", value(COMPANY_ID));
    body.put("partNumber", value(PART_NUMBER));
    body.put("configuration", value(CONFIGURATION));
    body.put("categories", List.of("Part"));
    return body;
  }

  private static Map<ReplacementAttribute, String> defaultValues() {
    EnumMap<ReplacementAttribute, String> v = new EnumMap<>(ReplacementAttribute.class);
    v.put(DOCUMENT_ID, "e60c4803eaf2ac8be492c18e");
    v.put(WORKSPACE_OR_VERSION, "w");
    v.put(WORKSPACE_OR_VERSION_ID, "d2558da712764516cc9fec62");
    v.put(WORKSPACE_ID, "d2558da712764516cc9fec62");
    v.put(VERSION_ID, "3b9e4a7f2c1d8e6a5b0f9c47");
    v.put(MICROVERSION_ID, "9f4d1c2b7a3e8f6d5c0b1a29");
    v.put(TAB_ELEMENT_ID, "6bed6b43463f6a46a37b4a22");
    v.put(ELEMENT_ID, "6bed6b43463f6a46a37b4a22");
    v.put(PART_ID, "JHD");
    v.put(PART_NUMBER, "PRT-10042");
    v.put(REVISION, "A");
    v.put(COMPANY_ID, "59f3676cac7f7c1075b79b71");
    v.put(MIME_TYPE, "application/pdf");
    v.put(FEATURE_ID, "FWr1MKdXG0AQtlJ_0");
    v.put(NODE_ID, "MhEWnHSdHyBFEZBh1");
    v.put(OCCURRENCE_PATH, "MkQG3pwqIRh0RgpVA/M5yPfvzpANAmOIpU8");
    v.put(CONFIGURATION, "default");
    v.put(SESSION_COMPANY_ID, "cad");
    return v;
  }
}
