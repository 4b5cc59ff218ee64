package dev.portico.extensions;

import static dev.portico.extensions.ExtensionFixtures.draft;
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
 * The save-time rules of an extension (EXT-1, EXT-3, EXT-3a, EXT-4). The EXT-3a table is written
 * out here from SPEC §7, not read from {@link ExtensionLocation}: every listed attribute is
 * accepted at its location and context, every other one is refused at {@code actionUrl}, naming it.
 */
class ExtensionRulesTests {

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
            ExtensionFixtures.URL,
            ActionType.POST,
            "{\"part\": \"{$partId}\", \"feature\": \"{$featureId}\"}",
            false);

    assertThat(ExtensionRules.check(draft))
        .containsExactly(
            new FieldViolation(
                "actionBody", "{$partId} is not available at Tree context menu · Feature"));
  }

  // --- EXT-4: the body only for POST, valid JSON; show response only for GET and POST ---

  @Test
  void actionBodyIsTakenOnlyByAPostAction() {
    String body = "{\"document\": \"{$documentId}\"}";
    assertThat(violations(body(ActionType.POST, body))).isEmpty();
    assertThat(violations(body(ActionType.GET, body))).containsExactly("actionBody");
    assertThat(violations(body(ActionType.OPEN_IN_NEW_WINDOW, body))).containsExactly("actionBody");
    assertThat(
            violations(
                new ExtensionDraft(
                    "Panel",
                    null,
                    ExtensionLocation.ELEMENT_RIGHT_PANEL,
                    ExtensionContext.PART,
                    ExtensionFixtures.URL,
                    null,
                    body,
                    false)))
        .containsExactly("actionBody");
    assertThat(
            violations(
                new ExtensionDraft(
                    "Panel",
                    null,
                    ExtensionLocation.ELEMENT_RIGHT_PANEL,
                    ExtensionContext.PART,
                    ExtensionFixtures.URL,
                    ActionType.POST,
                    body,
                    false)))
        .containsExactly("actionType", "actionBody");
    assertThat(
            violations(
                new ExtensionDraft(
                    "Numbers",
                    null,
                    ExtensionLocation.PART_NUMBER_GENERATOR,
                    null,
                    ExtensionFixtures.URL,
                    null,
                    "{}",
                    false)))
        .containsExactly("actionBody");
  }

  @Test
  void actionBodyMustBeValidJsonWithAttributesInsideStrings() {
    assertThat(violations(body(ActionType.POST, "[1, {\"a\": null}, \"{$elementId}\"]"))).isEmpty();
    for (String bad :
        List.of(
            "{\"a\": ",
            "{\"n\": {$partNumber}}",
            "{} trailing",
            "not json",
            "{'a': 1}",
            "{\"a\": 1,}")) {
      assertThat(violations(body(ActionType.POST, bad))).as(bad).containsExactly("actionBody");
    }
  }

  @Test
  void showResponseIsOnlyForGetAndPost() {
    assertThat(violations(show(ExtensionLocation.TREE_CONTEXT_MENU, ActionType.GET))).isEmpty();
    assertThat(violations(show(ExtensionLocation.TREE_CONTEXT_MENU, ActionType.POST))).isEmpty();
    assertThat(violations(show(ExtensionLocation.TREE_CONTEXT_MENU, ActionType.OPEN_IN_NEW_WINDOW)))
        .containsExactly("showResponse");
    assertThat(violations(show(ExtensionLocation.ELEMENT_RIGHT_PANEL, null)))
        .containsExactly("showResponse");
    assertThat(violations(show(ExtensionLocation.ELEMENT_RIGHT_PANEL, ActionType.GET)))
        .containsExactly("actionType", "showResponse");
    assertThat(violations(show(ExtensionLocation.PART_NUMBER_GENERATOR, null)))
        .containsExactly("showResponse");
  }

  // --- EXT-1 ---

  @Test
  void everyBrokenRuleIsAnsweredAtOnce() {
    ExtensionDraft empty = new ExtensionDraft(" ", null, null, null, "", null, null, true);

    assertThat(violations(empty)).containsExactly("name", "location", "actionUrl", "showResponse");
  }

  @Test
  void nameIsRequiredPlainTextOfAtMost100Characters() {
    ExtensionLocation at = ExtensionLocation.ELEMENT_TAB;
    assertThat(violations(draft("  Parts  ", at, null, null))).isEmpty();
    assertThat(draft("  Parts  ", at, null, null).name()).isEqualTo("Parts");
    assertThat(violations(draft("x".repeat(100), at, null, null))).isEmpty();
    assertThat(violations(draft("x".repeat(101), at, null, null))).containsExactly("name");
    assertThat(violations(draft("<b>Parts</b>", at, null, null))).containsExactly("name");
    assertThat(violations(draft("Parts\u0000", at, null, null))).containsExactly("name");
  }

  @Test
  void descriptionIsOptionalPlainTextOfAtMost1000Characters() {
    ExtensionDraft lines =
        new ExtensionDraft(
            "Tab",
            "Line one\nLine two",
            ExtensionLocation.ELEMENT_TAB,
            null,
            ExtensionFixtures.URL,
            null,
            null,
            false);
    ExtensionDraft long_ =
        new ExtensionDraft(
            "Tab",
            "d".repeat(1001),
            ExtensionLocation.ELEMENT_TAB,
            null,
            ExtensionFixtures.URL,
            null,
            null,
            false);
    ExtensionDraft html =
        new ExtensionDraft(
            "Tab",
            "<script>",
            ExtensionLocation.ELEMENT_TAB,
            null,
            ExtensionFixtures.URL,
            null,
            null,
            false);

    assertThat(violations(lines)).isEmpty();
    assertThat(violations(long_)).containsExactly("description");
    assertThat(violations(html)).containsExactly("description");
  }

  @Test
  void actionUrlIsRequiredAndMustBeHttps() {
    for (String url : List.of("", "http://app.example.com/a", "javascript:alert(1)")) {
      ExtensionDraft d =
          new ExtensionDraft(
              "Tab", null, ExtensionLocation.ELEMENT_TAB, null, url, null, null, false);
      assertThat(violations(d)).as(url).containsExactly("actionUrl");
    }
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

  private static ExtensionDraft body(ActionType type, String body) {
    return new ExtensionDraft(
        "Act",
        null,
        ExtensionLocation.TREE_CONTEXT_MENU,
        ExtensionContext.PART,
        ExtensionFixtures.URL,
        type,
        body,
        false);
  }

  private static ExtensionDraft show(ExtensionLocation location, @Nullable ActionType type) {
    ExtensionContext context =
        location.contexts().isEmpty() ? null : location.contexts().iterator().next();
    return new ExtensionDraft(
        "Show", null, location, context, ExtensionFixtures.URL, type, null, true);
  }

  private static List<String> violations(ExtensionDraft d) {
    return ExtensionRules.check(d).stream().map(FieldViolation::field).toList();
  }
}
