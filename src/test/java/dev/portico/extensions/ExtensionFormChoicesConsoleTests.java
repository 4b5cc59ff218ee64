package dev.portico.extensions;

import static dev.portico.extensions.ExtensionDrafts.app;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The extension form narrows its choices as the location changes (EXT-2, EXT-3a, EXT-4): the htmx
 * fragment offers only the contexts and action types the location allows, the body and "Show
 * response" only where they belong, and the attributes of the location and context; the full-page
 * "Update choices" does the same without saving.
 */
@PorticoTest
class ExtensionFormChoicesConsoleTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ExtensionManagement extensions;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void choicesFragmentOffersOnlyWhatTheLocationAllows() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());

    String panel = choices(acme.admin(), app, "location=ELEMENT_RIGHT_PANEL&context=PART");
    assertThat(panel)
        .startsWith("<div id=\"extension-choices\"")
        .doesNotContain("<html")
        .contains("<option value=\"MATE_FEATURE\">Mate feature</option>")
        .doesNotContain("value=\"DRAWING\"", "id=\"actionType\"", "id=\"actionBody\"")
        .doesNotContain("id=\"showResponse\"")
        .contains("{$featureId}")
        .doesNotContain("{$partId}", "{$mimeType}");

    String tree = choices(acme.admin(), app, "location=TREE_CONTEXT_MENU&context=PART");
    assertThat(tree)
        .contains("<option value=\"INSTANCE\">Instance</option>")
        .contains("<option value=\"OPEN_IN_NEW_WINDOW\">Open in new window</option>")
        .contains("{$partId}")
        .doesNotContain("id=\"actionBody\"", "id=\"showResponse\"");
    assertThat(choices(acme.admin(), app, "location=TREE_CONTEXT_MENU&context=FEATURE"))
        .doesNotContain("{$partId}");

    String post =
        choices(acme.admin(), app, "location=TREE_CONTEXT_MENU&context=PART&actionType=POST");
    assertThat(post).contains("id=\"actionBody\"", "id=\"showResponse\"");
    String open =
        choices(
            acme.admin(),
            app,
            "location=TREE_CONTEXT_MENU&context=PART&actionType=OPEN_IN_NEW_WINDOW");
    assertThat(open).doesNotContain("id=\"actionBody\"", "id=\"showResponse\"");

    assertThat(choices(acme.admin(), app, "location=ELEMENT_TAB"))
        .doesNotContain("id=\"context\"", "id=\"actionType\"")
        .contains("No attributes here");
    assertThat(choices(acme.admin(), app, "location=PART_NUMBER_GENERATOR"))
        .doesNotContain("id=\"context\"", "id=\"actionType\"", "id=\"actionBody\"")
        .contains("id=\"actionType-implicit\"");
  }

  @Test
  void updateChoicesReRendersTheFormWithTheInputKeptAndSavesNothing() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());

    String page =
        mvc.perform(
                form(base(app), acme.admin())
                    .param("name", "Menu")
                    .param("location", "ELEMENT_CONTEXT_MENU")
                    .param("actionUrl", "https://app.example.com/m")
                    .param("refresh", "1"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(page)
        .contains("value=\"Menu\"", "value=\"https://app.example.com/m\"")
        .contains("<option value=\"BLOB_ELEMENT\">Blob element</option>")
        .contains("id=\"actionType\"")
        .doesNotContain("class=\"field has-error\"");
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
