package dev.portico.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.extensions.ActionTemplates.DefaultParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The action URL and body templates (EXT-3, EXT-4): what is refused at save time and how a template
 * is resolved for a call. Expected URLs are written out by hand (RFC 3986 percent-encoding), and
 * resolved bodies are read back with an independent JSON parser.
 */
class ActionTemplatesTests {

  private static final DefaultParameters DEFAULTS =
      new DefaultParameters("https://portico.example", null, "u1", "en", "cid");

  @Test
  void resolveUrlPercentEncodesEveryValueAndAppendsTheDefaultParameters() {
    String url =
        ActionTemplates.resolveUrl(
            "https://app.example.com/d/{$documentId}?e={$elementId}",
            ExtensionLocation.ELEMENT_RIGHT_PANEL,
            Map.of(
                ReplacementAttribute.DOCUMENT_ID, "a b/c?&=#",
                ReplacementAttribute.ELEMENT_ID, "é"),
            DEFAULTS);

    assertThat(url)
        .isEqualTo(
            "https://app.example.com/d/a%20b%2Fc%3F%26%3D%23?e=%C3%A9"
                + "&server=https%3A%2F%2Fportico.example&companyId=cad&userId=u1&locale=en"
                + "&clientId=cid");
  }

  @Test
  void resolveUrlUsesTheUsersCompanyAndKeepsTheFragmentLast() {
    String url =
        ActionTemplates.resolveUrl(
            "https://app.example.com/p#top",
            ExtensionLocation.ELEMENT_CONTEXT_MENU,
            Map.of(),
            new DefaultParameters("https://portico.example", "c-42", "u1", "fr-FR", "cid"));

    assertThat(url)
        .isEqualTo(
            "https://app.example.com/p?server=https%3A%2F%2Fportico.example&companyId=c-42"
                + "&userId=u1&locale=fr-FR&clientId=cid#top");
  }

  @Test
  void resolveUrlOfAnElementTabAddsTheElementsIdsBeforeTheDefaults() {
    String url =
        ActionTemplates.resolveUrl(
            "https://app.example.com/tab?mode=full",
            ExtensionLocation.ELEMENT_TAB,
            Map.of(ReplacementAttribute.DOCUMENT_ID, "d1", ReplacementAttribute.ELEMENT_ID, "e1"),
            DEFAULTS);

    assertThat(url)
        .isEqualTo(
            "https://app.example.com/tab?mode=full&documentId=d1&workspaceId=&versionId="
                + "&elementId=e1&server=https%3A%2F%2Fportico.example&companyId=cad&userId=u1"
                + "&locale=en&clientId=cid");
  }

  @Test
  void resolveUrlLeavesAnAttributeWithoutAValueEmpty() {
    String url =
        ActionTemplates.resolveUrl(
            "https://app.example.com/{$partId}/x",
            ExtensionLocation.TREE_CONTEXT_MENU,
            Map.of(),
            DEFAULTS);

    assertThat(url).startsWith("https://app.example.com//x?server=");
  }

  @Test
  void resolveBodyEscapesValuesForAJsonString() {
    String hostile = "a\"b\\c\n\t</script>\u0001\u2028";

    String body =
        ActionTemplates.resolveBody(
            "{\"part\": \"{$partNumber}\", \"doc\": \"id-{$documentId}\"}",
            Map.of(
                ReplacementAttribute.PART_NUMBER, hostile, ReplacementAttribute.DOCUMENT_ID, "d1"));

    JsonNode parsed = JsonMapper.shared().readTree(body);
    assertThat(parsed.get("part").asString()).isEqualTo(hostile);
    assertThat(parsed.get("doc").asString()).isEqualTo("id-d1");
    assertThat(body).doesNotContain("</script>").doesNotContain("\u2028");
  }

  @Test
  void urlMustBeHttpsOrHttpToLocalhost() {
    assertThat(ActionTemplates.urlProblem("https://app.example.com/a?d={$documentId}")).isEmpty();
    assertThat(ActionTemplates.urlProblem("http://localhost:8080/a")).isEmpty();
    assertThat(ActionTemplates.urlProblem("http://127.0.0.1/a")).isEmpty();
    assertThat(ActionTemplates.urlProblem("http://app.example.com/a")).isPresent();
    assertThat(ActionTemplates.urlProblem("javascript:alert(1)")).isPresent();
    assertThat(ActionTemplates.urlProblem("data:text/html,hi")).isPresent();
    assertThat(ActionTemplates.urlProblem("file:///etc/passwd")).isPresent();
    assertThat(ActionTemplates.urlProblem("https://user:pw@app.example.com/")).isPresent();
    assertThat(ActionTemplates.urlProblem("/relative")).isPresent();
    assertThat(ActionTemplates.urlProblem("https://app example.com")).isPresent();
  }

  @Test
  void attributeMayNotChooseTheSchemeOrTheHost() {
    assertThat(ActionTemplates.urlProblem("https://{$documentId}.example.com/a"))
        .hasValueSatisfying(p -> assertThat(p).contains("host"));
    assertThat(ActionTemplates.urlProblem("https://app.example.com{$elementId}/a")).isPresent();
    assertThat(ActionTemplates.urlProblem("{$documentId}://app.example.com/a")).isPresent();
    assertThat(ActionTemplates.urlProblem("https://app.example.com/{$documentId}#{$elementId}"))
        .isEmpty();
  }

  @Test
  void unknownAttributeIsNamedUnlessItsNameIsNotAnIdentifier() {
    assertThat(
            ActionTemplates.attributeProblems(
                "https://a.example.com/{$foo}", ExtensionLocation.ELEMENT_RIGHT_PANEL, null))
        .containsExactly("unknown attribute {$foo}");
    assertThat(
            ActionTemplates.attributeProblems(
                "https://a.example.com/{$<img src=x>}",
                ExtensionLocation.ELEMENT_RIGHT_PANEL,
                null))
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("unknown attribute").doesNotContain("<img"));
    assertThat(
            ActionTemplates.attributeProblems(
                "https://a.example.com/{$documentId", ExtensionLocation.ELEMENT_RIGHT_PANEL, null))
        .containsExactly("an attribute is not closed: write it as {$name}");
  }
}
