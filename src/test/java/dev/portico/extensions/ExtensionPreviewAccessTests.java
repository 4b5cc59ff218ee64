package dev.portico.extensions;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.portico.accounts.ConsoleProtection;
import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may open the Preview of an app's extensions, and what the page lets in (issue 10, item 8):
 * managers and editors only (404 for everyone else and unknown ids), a policy that frames exactly
 * the resolved origins and that Spring Security's header writer leaves in place, never a stored URL
 * that is not https (or http to localhost), and an htmx update that reloads the page when it would
 * frame an origin the loaded policy does not name.
 */
@PorticoTest
class ExtensionPreviewAccessTests {

  private static final String PANEL_URL =
      "https://panel.example.com/inspect?doc={$documentId}&part={$partNumber}";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired PreviewFixtures previews;

  @Test
  void previewIsOpenToManagersAndEditorsOnly() throws Exception {
    Company acme = fixtures.company("Acme");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    User editor = fixtures.member(acme, Role.MEMBER, License.FULL);
    User otherAdmin = fixtures.company("Globex").admin();
    Application app = previews.app(acme.admin(), acme.id(), editor.email(), light.email());

    assertThat(status(preview(app.id()), acme.admin())).isEqualTo(200);
    assertThat(status(preview(app.id()), editor)).isEqualTo(200);
    assertThat(status(preview(app.id()), member)).isEqualTo(404);
    assertThat(status(preview(app.id()), light)).isEqualTo(404);
    assertThat(status(preview(app.id()), otherAdmin)).isEqualTo(404);
    assertThat(status(preview(UUID.randomUUID()), acme.admin())).isEqualTo(404);
    assertThat(
            status(get("/developer/oauth-applications/not-an-id/extensions/preview"), acme.admin()))
        .isBetween(400, 499);
  }

  @Test
  void pagePolicyFramesExactlyTheResolvedOriginsAndSurvivesTheSecurityHeaderWriter()
      throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = previews.app(acme.admin(), acme.id());
    previews.add(
        app,
        "Panel",
        ExtensionLocation.ELEMENT_RIGHT_PANEL,
        ExtensionContext.PART,
        PANEL_URL,
        null,
        null,
        false);
    previews.add(
        app,
        "Tab",
        ExtensionLocation.ELEMENT_TAB,
        null,
        "https://Tab.Example.com:8443/t",
        null,
        null,
        false);
    previews.add(
        app,
        "Menu",
        ExtensionLocation.ELEMENT_CONTEXT_MENU,
        ExtensionContext.PART_STUDIO,
        "https://calls.example.com/run",
        ActionType.GET,
        null,
        true);

    MockHttpServletResponse response = page(app.id(), acme.admin());

    assertThat(response.getHeaders("Content-Security-Policy"))
        .containsExactly(
            ConsoleProtection.CONTENT_SECURITY_POLICY
                + "; frame-src https://panel.example.com https://tab.example.com:8443");
    assertThat(response.getHeader("Content-Security-Policy")).doesNotContain("*");
  }

  @Test
  void pageWithoutEmbeddedExtensionsFramesNothing() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = previews.app(acme.admin(), acme.id());

    MockHttpServletResponse response = page(app.id(), acme.admin());

    assertThat(response.getHeader("Content-Security-Policy"))
        .isEqualTo(ConsoleProtection.CONTENT_SECURITY_POLICY + "; frame-src 'none'");
    assertThat(response.getContentAsString()).contains("Nothing to preview yet");
  }

  @Test
  void storedUrlThatIsNotHttpsIsNeverFramedOrLinked() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = previews.app(acme.admin(), acme.id());
    Extension bad =
        previews.add(
            app,
            "Bad",
            ExtensionLocation.ELEMENT_RIGHT_PANEL,
            ExtensionContext.PART,
            "javascript:alert(1)//{$documentId}",
            null,
            null,
            false);
    Extension link =
        previews.add(
            app,
            "Plain http",
            ExtensionLocation.ELEMENT_CONTEXT_MENU,
            ExtensionContext.DRAWING,
            "http://evil.example.com/open",
            ActionType.OPEN_IN_NEW_WINDOW,
            null,
            false);

    MockHttpServletResponse response = page(app.id(), acme.admin());
    String html = response.getContentAsString();

    assertThat(html).doesNotContain("frame-" + bad.id()).doesNotContain("open-" + link.id());
    assertThat(html).doesNotContain("javascript:alert").doesNotContain("evil.example.com/open");
    assertThat(html).contains("This extension cannot be previewed");
    assertThat(response.getHeader("Content-Security-Policy")).endsWith("; frame-src 'none'");
  }

  @Test
  void htmxUpdateIsTheFragmentAndReloadsThePageWhenItWouldFrameANewOrigin() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = previews.app(acme.admin(), acme.id());
    previews.add(
        app,
        "Panel",
        ExtensionLocation.DOCUMENT_LIST_INFO_PANEL,
        ExtensionContext.DOCUMENT,
        "https://{$partId}.example.com/info",
        null,
        null,
        false);

    MockHttpServletResponse same =
        mvc.perform(
                preview(app.id())
                    .header("HX-Request", "true")
                    .param("frameOrigins", "https://jhd.example.com")
                    .with(as(acme.admin())))
            .andReturn()
            .getResponse();
    MockHttpServletResponse moved =
        mvc.perform(
                preview(app.id())
                    .header("HX-Request", "true")
                    .param("frameOrigins", "https://jhd.example.com")
                    .param("partId", "other")
                    .with(as(acme.admin())))
            .andReturn()
            .getResponse();

    assertThat(same.getContentAsString())
        .startsWith("<section id=\"extension-preview\"")
        .doesNotContain("class=\"topbar\"");
    assertThat(same.getHeader("HX-Redirect")).isNull();
    assertThat(moved.getHeader("HX-Redirect"))
        .startsWith("/developer/oauth-applications/" + app.id() + "/extensions/preview?")
        .contains("partId=other");
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
