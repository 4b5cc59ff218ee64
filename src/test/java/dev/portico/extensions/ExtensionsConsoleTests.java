package dev.portico.extensions;

import static dev.portico.extensions.ExtensionDrafts.actor;
import static dev.portico.extensions.ExtensionDrafts.app;
import static dev.portico.extensions.ExtensionDrafts.png;
import static dev.portico.extensions.ExtensionDrafts.valid;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The Extensions tab (EXT-1, EXT-2, EXT-4, EXT-6) through the console: the seed's "Add extension"
 * procedure, the form narrowing its choices (htmx fragment and the full-page "Update choices"),
 * field errors next to their fields with the input kept and nothing stored, editing, the icon, and
 * the deletion behind a confirmation that names what is lost.
 */
@PorticoTest
class ExtensionsConsoleTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ExtensionManagement extensions;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void emptyTabOffersAddExtensionAndTheFormHasEveryFieldOfTheSeed() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());

    assertThat(page(acme.admin(), base(app)))
        .contains("No extensions yet.")
        .contains("href=\"" + base(app) + "/new\"")
        .contains(">Add extension</a>");
    assertThat(page(acme.admin(), base(app) + "/new"))
        .contains("enctype=\"multipart/form-data\"")
        .contains("id=\"name\"", "id=\"description\"", "id=\"location\"", "id=\"actionUrl\"")
        .contains("id=\"icon\"", "<button type=\"submit\" class=\"primary\">OK</button>")
        .contains("name=\"refresh\"")
        .contains("<option value=\"ELEMENT_RIGHT_PANEL\">Element right panel</option>")
        .doesNotContain("id=\"context\"", "id=\"actionType\"", "id=\"actionBody\"");
  }

  @Test
  void adminAddsAContextMenuPostActionThroughTheSeedsProcedure() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());

    mvc.perform(
            form(base(app), acme.admin())
                .param("name", "Order parts")
                .param("description", "Orders the selected part")
                .param("location", "TREE_CONTEXT_MENU")
                .param("context", "PART")
                .param("actionUrl", "https://app.example.com/order?part={$partId}")
                .param("actionType", "POST")
                .param("actionBody", "{\"part\": \"{$partNumber}\"}")
                .param("showResponse", "true")
                .file(new MockMultipartFile("icon", "icon.png", "image/png", png())))
        .andExpect(redirectedUrl(base(app)))
        .andExpect(flash().attribute("flash", "Added extension Order parts"));

    Extension saved = extensions.extensions(app.id()).get(0);
    assertThat(saved.location()).isEqualTo(ExtensionLocation.TREE_CONTEXT_MENU);
    assertThat(saved.context()).isEqualTo(ExtensionContext.PART);
    assertThat(saved.actionType()).isEqualTo(ActionType.POST);
    assertThat(saved.actionBody()).isEqualTo("{\"part\": \"{$partNumber}\"}");
    assertThat(saved.showResponse()).isTrue();
    assertThat(saved.iconType()).isEqualTo("image/png");
    assertThat(page(acme.admin(), base(app)))
        .contains(">Order parts</a>", "Tree context menu", "<td>Part</td>", "<td>POST</td>")
        .contains("src=\"/extensions/" + saved.id() + "/icon\" width=\"24\"")
        .contains("href=\"" + base(app) + "/" + saved.id() + "/delete\"");
  }

  /** Over real HTTP: the CSRF token inside a multipart body is read, as a browser sends it. */
  @Test
  void multipartFormWithItsCsrfTokenIsAcceptedOverHttp() {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);

    HttpResponse<String> added =
        browser.submitMultipart(
            base(app) + "/new",
            base(app),
            Map.of(
                "name", "Tab",
                "location", "ELEMENT_TAB",
                "actionUrl", "https://app.example.com/tab"));

    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(ConsoleClient.location(added)).endsWith(base(app));
    assertThat(extensions.extensions(app.id())).extracting(Extension::name).containsExactly("Tab");
  }

  @Test
  void badContextAndUnknownAttributeAreRefusedAtTheirFieldsWithTheInputKeptAndNothingStored()
      throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());

    String page =
        mvc.perform(
                form(base(app), acme.admin())
                    .param("name", "Panel <b>one</b>")
                    .param("location", "ELEMENT_RIGHT_PANEL")
                    .param("context", "DRAWING")
                    .param("actionUrl", "https://app.example.com/p/{$foo}?q=\"x\"")
                    .param("actionType", "GET"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(page)
        .containsPattern("class=\"field has-error\">\\s*<label for=\"name\"")
        .contains("value=\"Panel &lt;b&gt;one&lt;/b&gt;\"")
        .doesNotContain("<b>one</b>")
        .contains("Drawing is not a context of Element right panel")
        .contains("value=\"DRAWING\"")
        .contains("unknown attribute {$foo}")
        .contains("value=\"https://app.example.com/p/{$foo}?q=&quot;x&quot;\"")
        .contains("Element right panel embeds a page: it takes no action type")
        .contains("<option value=\"ELEMENT_RIGHT_PANEL\" selected=\"selected\">");
    assertThat(extensions.extensions(app.id())).isEmpty();
  }

  @Test
  void editorEditsAnExtensionAndRemovesItsIcon() throws Exception {
    Company acme = fixtures.company("Acme");
    User editor =
        fixtures.member(acme, dev.portico.accounts.Role.MEMBER, dev.portico.accounts.License.FULL);
    Application app = app(apps, acme.admin(), acme.id(), editor.email());
    Extension panel =
        extensions.add(
            actor(acme.admin()),
            app,
            valid("Panel", ExtensionLocation.ELEMENT_RIGHT_PANEL),
            IconChange.upload(new java.io.ByteArrayInputStream(png())));

    assertThat(page(editor, base(app) + "/" + panel.id()))
        .contains("value=\"Panel\"", "id=\"removeIcon\"", "Current icon")
        .contains("<option value=\"PART\" selected=\"selected\">Part</option>");
    mvc.perform(
            form(base(app) + "/" + panel.id(), editor)
                .param("name", "Parts panel")
                .param("location", "ELEMENT_RIGHT_PANEL")
                .param("context", "ASSEMBLY")
                .param("actionUrl", "https://app.example.com/panel?d={$documentId}")
                .param("removeIcon", "true"))
        .andExpect(redirectedUrl(base(app)))
        .andExpect(flash().attribute("flash", "Saved extension Parts panel"));

    Extension saved = extensions.extension(app, panel.id());
    assertThat(saved.name()).isEqualTo("Parts panel");
    assertThat(saved.context()).isEqualTo(ExtensionContext.ASSEMBLY);
    assertThat(saved.iconType()).isNull();
    assertThat(
            jdbc.sql("select icon is null from ext_extension where id = :id")
                .param("id", panel.id())
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void iconThatIsNotAnImageIsRefusedAtIconAndOtherErrorsAskForTheFileAgain() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());

    String refused =
        body(
            form(base(app), acme.admin())
                .param("name", "Tab")
                .param("location", "ELEMENT_TAB")
                .param("actionUrl", "https://app.example.com/tab")
                .file(new MockMultipartFile("icon", "x.png", "image/png", "GIF89a".getBytes())));
    String again =
        body(
            form(base(app), acme.admin())
                .param("name", "")
                .param("location", "ELEMENT_TAB")
                .param("actionUrl", "https://app.example.com/tab")
                .file(new MockMultipartFile("icon", "x.png", "image/png", png())));

    assertThat(refused).containsPattern("has-error\">\\s*<label for=\"icon\"");
    assertThat(again).contains("nothing was saved: choose the icon file again");
    assertThat(extensions.extensions(app.id())).isEmpty();
  }

  @Test
  void deletionIsConfirmedNamingWhatIsLostThenDeletes() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    Extension menu =
        extensions.add(
            actor(acme.admin()),
            app,
            valid("Send to shop", ExtensionLocation.DOCUMENT_LIST_CONTEXT_MENU),
            IconChange.KEEP);

    assertThat(page(acme.admin(), base(app) + "/" + menu.id() + "/delete"))
        .contains("Delete the extension “Send to shop”?")
        .contains("Document list context menu", "https://app.example.com/action")
        .contains("This cannot be undone.");
    mvc.perform(post(base(app) + "/" + menu.id() + "/delete").with(csrf()).with(as(acme.admin())))
        .andExpect(redirectedUrl(base(app)))
        .andExpect(flash().attribute("flash", "Deleted extension Send to shop"));

    assertThat(extensions.extensions(app.id())).isEmpty();
  }

  private static String base(Application app) {
    return "/developer/oauth-applications/" + app.id() + "/extensions";
  }

  private MockMultipartHttpServletRequestBuilder form(String path, User user) {
    MockMultipartHttpServletRequestBuilder form = multipart(path);
    form.with(csrf()).with(as(user));
    return form;
  }

  private String body(MockMultipartHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String choices(User user, Application app, String query) throws Exception {
    return mvc.perform(
            get(base(app) + "/choices?" + query).header("HX-Request", "true").with(as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8)
        .strip();
  }

  private String page(User user, String path) throws Exception {
    return mvc.perform(get(path).with(as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
