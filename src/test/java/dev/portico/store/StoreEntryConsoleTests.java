package dev.portico.store;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.store.internal.ImagePolicyTests;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The store entry console (STO-1, STO-2, APP-5): the form prefilled from the app, field errors with
 * the input kept and nothing stored, the entry page with its rendered description and images, the
 * images' headers, Developer → Store entries, and deleting the entry before the app.
 */
@PorticoTest
class StoreEntryConsoleTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired StoreFixtures store;
  @Autowired StoreEntries entries;
  @Autowired ApplicationManagement applications;

  @Test
  void theFormIsPrefilledFromTheAppAndCreatesAPrivateEntryWithImages() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = store.app(acme.admin(), acme.id());
    String base = "/developer/oauth-applications/" + app.id();

    String details = page(get(base), acme);
    assertThat(details).contains("href=\"" + base + "/store-entry\">Create store entry<");
    String form = page(get(base + "/store-entry"), acme);
    assertThat(form)
        .contains("value=\"" + app.name() + "\"")
        .contains("value=\"" + app.summary() + "\"")
        .contains("enctype=\"multipart/form-data\"");

    mvc.perform(
            valid(base)
                .file(new MockMultipartFile("images", "a.png", "image/png", ImagePolicyTests.png()))
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    StoreEntry entry = entries.entryOf(app).orElseThrow();
    assertThat(entry.state()).isEqualTo(EntryState.PRIVATE);
    assertThat(entry.imageCount()).isEqualTo(1);
    String shown = page(get(entry.url()), acme);
    assertThat(shown)
        .contains("<strong>fast</strong>")
        .contains("&lt;script&gt;")
        .doesNotContain("<script>alert")
        .contains("src=\"" + entry.imageUrl(1) + "\"")
        .contains("Acme Corp")
        .contains("https://example.com/help");
    mvc.perform(get(entry.imageUrl(1)).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/png"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Content-Security-Policy", "default-src 'none'"));
    mvc.perform(get(entry.imageUrl(2)).with(as(acme.admin()))).andExpect(status().isNotFound());

    assertThat(page(get("/accounts/" + acme.id() + "/developer/store-entries"), acme))
        .contains(entry.name())
        .contains("href=\"" + entry.url() + "\"");
    assertThat(page(get("/accounts/" + acme.id() + "/developer"), acme))
        .contains("href=\"/accounts/" + acme.id() + "/developer/store-entries\"");
  }

  @Test
  void brokenFieldsAreShownAtTheirFieldsWithTheInputKeptAndNothingStored() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = store.app(acme.admin(), acme.id());
    String base = "/developer/oauth-applications/" + app.id();

    String answer =
        mvc.perform(
                multipart(base + "/store-entry")
                    .file(
                        new MockMultipartFile(
                            "images",
                            "evil.png",
                            "image/png",
                            "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
                    .param("name", "Kept <name>")
                    .param("summary", "")
                    .param("type", "CONNECTED_DESKTOP")
                    .param("category", "GAMES")
                    .param("teamVisibility", "SPECIFIC")
                    .param("visibleTeamIds", "not-a-uuid")
                    .param("supportUrl", "javascript:alert(1)")
                    .param("supportEmail", "nope")
                    .with(as(acme.admin()))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    for (String field :
        new String[] {
          "name",
          "summary",
          "type",
          "category",
          "visibleTeamIds",
          "supportUrl",
          "supportEmail",
          "images"
        }) {
      assertThat(answer).as(field).contains("id=\"" + field + "-error\"");
    }
    assertThat(answer)
        .contains("value=\"Kept &lt;name&gt;\"")
        .contains("value=\"javascript:alert(1)\"")
        .doesNotContain("<svg onload");
    assertThat(entries.entryOf(app)).isEmpty();
  }

  @Test
  void anAppWithAnEntryCannotBeDeletedUntilTheEntryIs() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = store.app(acme.admin(), acme.id());
    StoreEntry entry = store.entry(acme.admin(), app, "NONE", Set.of());
    String base = "/developer/oauth-applications/" + app.id();

    assertThat(page(get(base + "/delete"), acme))
        .contains("cannot be deleted yet")
        .contains("Delete its store entry first")
        .contains("href=\"" + base + "/store-entry\"");
    mvc.perform(post(base + "/delete").with(as(acme.admin())).with(csrf()))
        .andExpect(status().isConflict());
    assertThat(applications.application(app.id())).isPresent();

    assertThat(page(get(base + "/store-entry/delete"), acme))
        .contains("Delete the store entry “" + entry.name() + "”?")
        .contains("cannot be undone")
        .contains("support links");
    mvc.perform(post(base + "/store-entry/delete").with(as(acme.admin())).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(entries.entryOf(app)).isEmpty();
    mvc.perform(get(entry.url()).with(as(acme.admin()))).andExpect(status().isNotFound());

    mvc.perform(post(base + "/delete").with(as(acme.admin())).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(applications.application(app.id())).isEmpty();
  }

  @Test
  void editingKeepsTheStateAndAddsImagesAfterTheKeptOnes() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = store.app(acme.admin(), acme.id());
    store.entry(acme.admin(), app, "NONE", Set.of());
    String base = "/developer/oauth-applications/" + app.id();

    assertThat(page(get(base + "/store-entry"), acme)).contains("Edit store entry");
    mvc.perform(
            valid(base, "Renamed vendor")
                .file(new MockMultipartFile("images", "b.png", "image/png", ImagePolicyTests.png()))
                .with(as(acme.admin()))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    StoreEntry changed = entries.entryOf(app).orElseThrow();
    assertThat(changed.vendor()).isEqualTo("Renamed vendor");
    assertThat(changed.imageCount()).isEqualTo(1);
    assertThat(changed.state()).isEqualTo(EntryState.PRIVATE);
  }

  private static MockMultipartHttpServletRequestBuilder valid(String base) {
    return valid(base, "Acme Corp");
  }

  private static MockMultipartHttpServletRequestBuilder valid(String base, String vendor) {
    MockMultipartHttpServletRequestBuilder b = multipart(base + "/store-entry");
    b.param("name", "Fast PLM")
        .param("summary", "Parts lists")
        .param("type", "INTEGRATED_CLOUD")
        .param("category", "CAM")
        .param("teamVisibility", "NONE")
        .param("description", "It is **fast**. <script>alert(1)</script>")
        .param("supportUrl", "https://example.com/help")
        .param("supportEmail", "help@example.com")
        .param("vendor", vendor)
        .param("version", "1.0");
    return b;
  }

  private String page(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      Company who)
      throws Exception {
    return mvc.perform(request.with(as(who.admin())))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
