package dev.portico.extensions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.extensions.ReplacementAttribute;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The preview's sample values: one realistic value for every replacement attribute, shaped like the
 * reference platform's, and at a location only the attributes EXT-3a gives there.
 */
class SampleContextTests {

  private static final EnumSet<ReplacementAttribute> IDS =
      EnumSet.of(
          ReplacementAttribute.DOCUMENT_ID,
          ReplacementAttribute.WORKSPACE_OR_VERSION_ID,
          ReplacementAttribute.WORKSPACE_ID,
          ReplacementAttribute.VERSION_ID,
          ReplacementAttribute.MICROVERSION_ID,
          ReplacementAttribute.TAB_ELEMENT_ID,
          ReplacementAttribute.ELEMENT_ID,
          ReplacementAttribute.COMPANY_ID);

  @Test
  void everyAttributeHasASampleValue() {
    Map<ReplacementAttribute, String> values = SampleContext.defaults().values();

    assertThat(values.keySet()).containsExactlyInAnyOrder(ReplacementAttribute.values());
    assertThat(values.values()).allSatisfy(v -> assertThat(v).isNotBlank());
  }

  @Test
  void idsAreShapedLikeTheReferencePlatformsTwentyFourHexIds() {
    SampleContext sample = SampleContext.defaults();

    for (ReplacementAttribute id : IDS) {
      assertThat(sample.value(id)).as(id.key()).matches("[0-9a-f]{24}");
    }
    assertThat(sample.value(ReplacementAttribute.WORKSPACE_OR_VERSION)).isEqualTo("w");
    assertThat(sample.value(ReplacementAttribute.WORKSPACE_OR_VERSION_ID))
        .isEqualTo(sample.value(ReplacementAttribute.WORKSPACE_ID));
    assertThat(sample.value(ReplacementAttribute.PART_ID)).isEqualTo("JHD");
    assertThat(sample.value(ReplacementAttribute.CONFIGURATION)).isEqualTo("default");
    assertThat(sample.value(ReplacementAttribute.SESSION_COMPANY_ID)).isEqualTo("cad");
  }

  @Test
  void atALocationOnlyTheAttributesItProvidesAreGiven() {
    SampleContext sample = SampleContext.defaults();

    for (ExtensionLocation location : ExtensionLocation.values()) {
      for (ExtensionContext context : contexts(location)) {
        Map<ReplacementAttribute, String> at = sample.at(location, context);
        if (location == ExtensionLocation.ELEMENT_TAB) {
          assertThat(at.keySet())
              .containsExactlyInAnyOrder(
                  ReplacementAttribute.DOCUMENT_ID,
                  ReplacementAttribute.WORKSPACE_ID,
                  ReplacementAttribute.VERSION_ID,
                  ReplacementAttribute.ELEMENT_ID);
        } else {
          assertThat(at.keySet())
              .as(location + " · " + context)
              .isEqualTo(location.attributes(context));
        }
        at.forEach((a, v) -> assertThat(v).isEqualTo(sample.value(a)));
      }
    }
  }

  @Test
  void partIdIsGivenInATreeMenuOnlyForPartAndInstance() {
    SampleContext sample = SampleContext.defaults();

    assertThat(sample.at(ExtensionLocation.TREE_CONTEXT_MENU, ExtensionContext.PART))
        .containsEntry(ReplacementAttribute.PART_ID, "JHD");
    assertThat(sample.at(ExtensionLocation.TREE_CONTEXT_MENU, ExtensionContext.FEATURE))
        .doesNotContainKey(ReplacementAttribute.PART_ID);
    assertThat(sample.at(ExtensionLocation.ELEMENT_RIGHT_PANEL, ExtensionContext.PART))
        .doesNotContainKey(ReplacementAttribute.PART_ID);
  }

  @Test
  void anEditedValueReplacesOnlyThatAttribute() {
    SampleContext edited =
        SampleContext.defaults().with(ReplacementAttribute.DOCUMENT_ID, "my-document");

    assertThat(edited.value(ReplacementAttribute.DOCUMENT_ID)).isEqualTo("my-document");
    assertThat(edited.value(ReplacementAttribute.ELEMENT_ID))
        .isEqualTo(SampleContext.defaults().value(ReplacementAttribute.ELEMENT_ID));
    assertThat(SampleContext.defaults().value(ReplacementAttribute.DOCUMENT_ID))
        .isEqualTo("e60c4803eaf2ac8be492c18e");
  }

  @Test
  void partNumberRequestHasTheDocumentedFieldsInOrder() {
    assertThat(SampleContext.defaults().partNumberRequest().keySet())
        .containsExactly(
            "id",
            "documentId",
            "elementId",
            "workspaceId",
            "elementType",
            "partId",
            "companyId",
            "partNumber",
            "configuration",
            "categories");
  }

  private static Iterable<ExtensionContext> contexts(ExtensionLocation location) {
    if (!location.needsContext()) {
      java.util.List<ExtensionContext> none = new java.util.ArrayList<>();
      none.add(null);
      return none;
    }
    return location.contexts();
  }
}
