package dev.portico.extensions;

import static dev.portico.extensions.ExtensionDrafts.draft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.system.InvalidInput.FieldViolation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The save-time rules of an extension's fields (EXT-1, EXT-3, EXT-4): every broken rule at once, at
 * its field; the action body only for a POST and valid JSON; "Show response" only for GET and POST.
 */
class ExtensionRulesTests {

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
                    ExtensionDrafts.URL,
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
                    ExtensionDrafts.URL,
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
                    ExtensionDrafts.URL,
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
            ExtensionDrafts.URL,
            null,
            null,
            false);
    ExtensionDraft long_ =
        new ExtensionDraft(
            "Tab",
            "d".repeat(1001),
            ExtensionLocation.ELEMENT_TAB,
            null,
            ExtensionDrafts.URL,
            null,
            null,
            false);
    ExtensionDraft html =
        new ExtensionDraft(
            "Tab",
            "<script>",
            ExtensionLocation.ELEMENT_TAB,
            null,
            ExtensionDrafts.URL,
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

  private static ExtensionDraft body(ActionType type, String body) {
    return new ExtensionDraft(
        "Act",
        null,
        ExtensionLocation.TREE_CONTEXT_MENU,
        ExtensionContext.PART,
        ExtensionDrafts.URL,
        type,
        body,
        false);
  }

  private static ExtensionDraft show(ExtensionLocation location, @Nullable ActionType type) {
    ExtensionContext context =
        location.contexts().isEmpty() ? null : location.contexts().iterator().next();
    return new ExtensionDraft(
        "Show", null, location, context, ExtensionDrafts.URL, type, null, true);
  }

  private static List<String> violations(ExtensionDraft d) {
    return ExtensionRules.check(d).stream().map(FieldViolation::field).toList();
  }
}
