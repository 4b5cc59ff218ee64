package dev.portico.extensions;

import static dev.portico.extensions.ExtensionDrafts.draft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.system.InvalidInput.FieldViolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The EXT-3a attributes of action URLs and bodies, checked at save time. The table is written out
 * here from SPEC §7, not read from {@link ExtensionLocation}: every listed attribute is accepted at
 * its location and context, every other one is refused at {@code actionUrl}, naming it.
 */
class ActionUrlAttributeTests {

  /** Every attribute name of EXT-3. */
  private static final List<String> ALL =
      List.of(
          "documentId",
          "workspaceOrVersion",
          "workspaceOrVersionId",
          "workspaceId",
          "versionId",
          "microversionId",
          "tabElementId",
          "elementId",
          "partId",
          "partNumber",
          "revision",
          "companyId",
          "mimeType",
          "featureId",
          "nodeId",
          "occurrencePath",
          "configuration",
          "sessionCompanyId");

  /** Available wherever {@code {$elementId}} is (EXT-3a note; companyId with them). */
  private static final List<String> WITH_ELEMENT =
      List.of("microversionId", "tabElementId", "sessionCompanyId", "companyId");

  private static final List<String> BASE =
      List.of(
          "documentId",
          "workspaceOrVersion",
          "workspaceOrVersionId",
          "workspaceId",
          "versionId",
          "elementId");

  /** EXT-3a, row by row, without {@code partId} where it depends on the context. */
  private static final Map<ExtensionLocation, List<String>> TABLE =
      Map.of(
          ExtensionLocation.ELEMENT_CONTEXT_MENU,
          List.of("partNumber", "mimeType", "configuration"),
          ExtensionLocation.TREE_CONTEXT_MENU,
          List.of(
              "partNumber", "revision", "featureId", "nodeId", "occurrencePath", "configuration"),
          ExtensionLocation.DOCUMENT_LIST_CONTEXT_MENU,
          List.of("partNumber", "revision", "configuration"),
          ExtensionLocation.DOCUMENT_LIST_INFO_PANEL,
          List.of("partId"),
          ExtensionLocation.ELEMENT_RIGHT_PANEL,
          List.of(
              "partNumber", "revision", "featureId", "nodeId", "occurrencePath", "configuration"));

  /** Where {@code partId} is added by the context: "Part and Instance contexts only". */
  private static final Map<ExtensionLocation, Set<ExtensionContext>> PART_ID_CONTEXTS =
      Map.of(
          ExtensionLocation.TREE_CONTEXT_MENU,
          Set.of(ExtensionContext.PART, ExtensionContext.INSTANCE),
          ExtensionLocation.DOCUMENT_LIST_CONTEXT_MENU,
          Set.of(ExtensionContext.PART));

  static Stream<Arguments> everyLocationAndContext() {
    List<Arguments> cases = new ArrayList<>();
    for (ExtensionLocation location : ExtensionLocation.values()) {
      if (location.contexts().isEmpty()) {
        cases.add(Arguments.of(location, null));
      }
      for (ExtensionContext context : location.contexts()) {
        cases.add(Arguments.of(location, context));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} · {1}")
  @MethodSource("everyLocationAndContext")
  void everyListedAttributeIsAcceptedAndEveryOtherRefusedNamingIt(
      ExtensionLocation location, @Nullable ExtensionContext context) {
    Set<String> expected = expectedAttributes(location, context);

    for (String name : ALL) {
      List<FieldViolation> found =
          urlViolations(location, context, "https://app.example.com/x?v={$" + name + "}");
      if (expected.contains(name)) {
        assertThat(found).as("{$%s}", name).isEmpty();
      } else {
        assertThat(found)
            .as("{$%s}", name)
            .singleElement()
            .satisfies(v -> assertThat(v.message()).contains("{$" + name + "}"));
      }
    }
  }

  @Test
  void partIdIsRefusedForAFeatureInTheTreeAndForADocumentInTheDocumentList() {
    assertThat(
            urlViolations(
                ExtensionLocation.TREE_CONTEXT_MENU,
                ExtensionContext.FEATURE,
                "https://app.example.com/{$partId}"))
        .extracting(FieldViolation::message)
        .containsExactly("{$partId} is not available at Tree context menu · Feature");
    assertThat(
            urlViolations(
                ExtensionLocation.DOCUMENT_LIST_CONTEXT_MENU,
                ExtensionContext.DOCUMENT,
                "https://app.example.com/{$partId}"))
        .extracting(FieldViolation::message)
        .containsExactly("{$partId} is not available at Document list context menu · Document");
  }

  @Test
  void unknownAttributeIsRefusedNamingIt() {
    assertThat(
            urlViolations(
                ExtensionLocation.ELEMENT_RIGHT_PANEL,
                ExtensionContext.PART,
                "https://app.example.com/{$foo}/{$documentId}"))
        .extracting(FieldViolation::message)
        .containsExactly("unknown attribute {$foo}");
  }

  @Test
  void elementTabTakesNoAttribute() {
    assertThat(
            urlViolations(
                ExtensionLocation.ELEMENT_TAB, null, "https://app.example.com/{$documentId}"))
        .extracting(FieldViolation::message)
        .containsExactly("{$documentId} is not available at Element tab");
  }

  @Test
  void actionBodyAttributesAreCheckedAtTheBody() {
    ExtensionDraft draft =
        new ExtensionDraft(
            "Order",
            null,
            ExtensionLocation.TREE_CONTEXT_MENU,
            ExtensionContext.FEATURE,
            ExtensionDrafts.URL,
            ActionType.POST,
            "{\"part\": \"{$partId}\", \"feature\": \"{$featureId}\"}",
            false);

    assertThat(ExtensionRules.check(draft))
        .containsExactly(
            new FieldViolation(
                "actionBody", "{$partId} is not available at Tree context menu · Feature"));
  }

  private static Set<String> expectedAttributes(
      ExtensionLocation location, @Nullable ExtensionContext context) {
    List<String> row = TABLE.get(location);
    Set<String> expected = new LinkedHashSet<>();
    if (row == null) {
      return expected; // ELEMENT_TAB and PART_NUMBER_GENERATOR: none
    }
    expected.addAll(BASE);
    expected.addAll(WITH_ELEMENT);
    expected.addAll(row);
    if (PART_ID_CONTEXTS.getOrDefault(location, Set.of()).contains(context)) {
      expected.add("partId");
    }
    return expected;
  }

  private static List<FieldViolation> urlViolations(
      ExtensionLocation location, @Nullable ExtensionContext context, String url) {
    ActionType type = location.choosesActionType() ? ActionType.GET : null;
    ExtensionDraft d = new ExtensionDraft("Ext", null, location, context, url, type, null, false);
    List<FieldViolation> found = ExtensionRules.check(d);
    assertThat(found).allSatisfy(v -> assertThat(v.field()).isEqualTo("actionUrl"));
    return found;
  }
}
