package dev.portico.extensions;

import static dev.portico.extensions.PreviewFixtures.attribute;
import static dev.portico.extensions.PreviewFixtures.tag;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the Preview of an app's extensions shows (issue 10, item 8): embedded pages as sandboxed
 * frames of the resolved URL (never allow-same-origin), actions as buttons that post the sample
 * values to the actions endpoint, links for new windows, the part number generator's call, and
 * sample values that are edited, encoded, escaped and checked.
 */
@PorticoTest
class ExtensionPreviewTests {

  private static final String PANEL_URL =
      "https://panel.example.com/inspect?doc={$documentId}&part={$partNumber}";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired PreviewFixtures previews;

  @Test
  void embeddedExtensionIsASandboxedFrameOfTheResolvedUrlWithoutSameOrigin() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = previews.app(acme.admin(), acme.id());
    Extension panel =
        previews.add(
            app,
            "Parts panel",
            ExtensionLocation.ELEMENT_RIGHT_PANEL,
            ExtensionContext.PART,
            PANEL_URL,
            null,
            null,
            false);

    String html = page(app.id(), acme.admin()).getContentAsString();

    String frame = tag(html, "frame-" + panel.id());
    assertThat(frame).startsWith("<iframe");
    assertThat(attribute(frame, "src"))
        .isEqualTo(
            "https://panel.example.com/inspect?doc=e60c4803eaf2ac8be492c18e&part=PRT-10042"
                + "&server=http%3A%2F%2Flocalhost&companyId="
                + acme.id()
                + "&userId="
                + acme.admin().id()
                + "&locale=en&clientId="
                + URLEncoder.encode(app.clientId(), StandardCharsets.UTF_8));
    assertThat(attribute(frame, "sandbox")).isEqualTo("allow-scripts allow-forms allow-popups");
    assertThat(attribute(frame, "referrerpolicy")).isEqualTo("no-referrer");
    assertThat(html).doesNotContain("allow-same-origin");
    assertThat(html).contains("mock-element_right_panel").contains("mock-viewport");
  }

  @Test
  void actionIsAButtonPostingTheSampleValuesToTheActionsEndpoint() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = previews.app(acme.admin(), acme.id());
    Extension action =
        previews.add(
            app,
            "Inspect",
            ExtensionLocation.ELEMENT_CONTEXT_MENU,
            ExtensionContext.PART_STUDIO,
            "https://calls.example.com/run/{$documentId}",
            ActionType.POST,
            "{\"element\": \"{$elementId}\"}",
            true);

    String html = page(app.id(), acme.admin()).getContentAsString();

    String button = tag(html, "run-" + action.id());
    assertThat(button).startsWith("<button").contains("type=\"submit\"");
    String form = html.substring(html.lastIndexOf("<form", html.indexOf(button)));
    form = form.substring(0, form.indexOf("</form>"));
    assertThat(attribute(form, "action")).isEqualTo("/extensions/" + action.id() + "/run");
    assertThat(attribute(form, "hx-post")).isEqualTo("/extensions/" + action.id() + "/run");
    assertThat(attribute(form, "hx-target")).isEqualTo("#action-dialog-body");
    assertThat(form)
        .contains("name=\"documentId\" value=\"e60c4803eaf2ac8be492c18e\"")
        .contains("name=\"elementId\" value=\"6bed6b43463f6a46a37b4a22\"")
        .contains("name=\"mimeType\"")
        .doesNotContain("name=\"partId\"")
        .contains("name=\"_csrf\"");
    assertThat(html)
        .contains("POST https://calls.example.com/run/e60c4803eaf2ac8be492c18e?server=")
        .contains("{&quot;element&quot;: &quot;6bed6b43463f6a46a37b4a22&quot;}")
        .contains("<dialog id=\"action-dialog\"")
        .contains("/js/extension-preview.js");
  }

  @Test
  void openInNewWindowIsALinkWithoutOpenerOrReferrer() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = previews.app(acme.admin(), acme.id());
    Extension open =
        previews.add(
            app,
            "Open",
            ExtensionLocation.TREE_CONTEXT_MENU,
            ExtensionContext.PART,
            "https://open.example.com/p/{$partId}",
            ActionType.OPEN_IN_NEW_WINDOW,
            null,
            false);

    String link = tag(page(app.id(), acme.admin()).getContentAsString(), "open-" + open.id());

    assertThat(link).startsWith("<a");
    assertThat(attribute(link, "href")).startsWith("https://open.example.com/p/JHD?server=");
    assertThat(attribute(link, "target")).isEqualTo("_blank");
    assertThat(attribute(link, "rel")).isEqualTo("noopener noreferrer");
  }

  @Test
  void partNumberGeneratorIsDescribedWithItsSampleBody() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = previews.app(acme.admin(), acme.id());
    previews.add(
        app,
        "Numbers",
        ExtensionLocation.PART_NUMBER_GENERATOR,
        null,
        "https://numbers.example.com/next",
        null,
        null,
        false);

    String html = page(app.id(), acme.admin()).getContentAsString();

    assertThat(html)
        .contains("POST https://numbers.example.com/next?server=")
        .contains("&quot;partNumber&quot; : &quot;PRT-10042&quot;")
        .contains("&quot;categories&quot;");
  }

  @Test
  void editedSampleValuesAreResolvedEncodedAndNeverEchoedUnescaped() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = previews.app(acme.admin(), acme.id());
    Extension panel =
        previews.add(
            app,
            "Panel",
            ExtensionLocation.ELEMENT_RIGHT_PANEL,
            ExtensionContext.PART,
            PANEL_URL,
            null,
            null,
            false);
    String hostile = "\"><script>alert(1)</script>&x=";

    String html =
        mvc.perform(
                preview(app.id())
                    .param("documentId", hostile)
                    .param("partNumber", "x".repeat(201))
                    .with(as(acme.admin())))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).doesNotContain("<script>alert(1)");
    assertThat(attribute(tag(html, "frame-" + panel.id()), "src"))
        .startsWith(
            "https://panel.example.com/inspect?doc=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"
                + "%26x%3D&part=PRT-10042&");
    String field = tag(html, "sample-partNumber");
    assertThat(attribute(field, "value")).isEqualTo("x".repeat(201));
    assertThat(attribute(field, "aria-invalid")).isEqualTo("true");
    assertThat(html).contains("must be at most 200 characters");
  }

  private static MockHttpServletRequestBuilder preview(UUID appId) {
    return get("/developer/oauth-applications/{id}/extensions/preview", appId);
  }

  private MockHttpServletResponse page(UUID appId, User user) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(preview(appId).with(as(user))).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response;
  }

  private int status(MockHttpServletRequestBuilder request, User user) throws Exception {
    return mvc.perform(request.with(as(user))).andReturn().getResponse().getStatus();
  }
}
