package dev.portico.store;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.applications.Application;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The store entry over REST (SPEC §13): the body {@code {id, applicationId, name, summary, type,
 * category, teamVisibility, visibleTeamIds, description, supportUrl, supportEmail, vendor, version,
 * state, checklist}}, 422 at every broken field with nothing stored, 409 for a second entry, 404
 * for another company's admin, and the account's list.
 */
@PorticoTest
class StoreEntriesRestTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired StoreFixtures store;

  @Test
  void entryIsCreatedReadChangedListedAndDeleted() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = store.app(acme.admin(), acme.id());
    String key = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String one = "/api/developer/applications/" + app.id() + "/store-entry";

    send(post(one), key, "{\"category\": \"CAM\", \"description\": \"**Hi**\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").isString())
        .andExpect(jsonPath("$.applicationId").value(app.id().toString()))
        .andExpect(jsonPath("$.name").value(app.name()))
        .andExpect(jsonPath("$.summary").value(app.summary()))
        .andExpect(jsonPath("$.type").value("INTEGRATED_CLOUD"))
        .andExpect(jsonPath("$.category").value("CAM"))
        .andExpect(jsonPath("$.teamVisibility").value("NONE"))
        .andExpect(jsonPath("$.visibleTeamIds").isEmpty())
        .andExpect(jsonPath("$.description").value("**Hi**"))
        .andExpect(jsonPath("$.supportUrl").value(Matchers.nullValue()))
        .andExpect(jsonPath("$.state").value("PRIVATE"))
        .andExpect(jsonPath("$.checklist.length()").value(9));
    send(post(one), key, "{\"category\": \"CAM\"}").andExpect(status().isConflict());
    send(patch(one), key, "{\"vendor\": \"Acme Corp\", \"supportUrl\": \"https://x.example\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.vendor").value("Acme Corp"))
        .andExpect(jsonPath("$.category").value("CAM"));
    mvc.perform(get(one).header("Authorization", key))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.supportUrl").value("https://x.example"));
    mvc.perform(
            get("/api/developer/accounts/" + acme.id() + "/store-entries")
                .header("Authorization", key))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].applicationId").value(app.id().toString()))
        .andExpect(jsonPath("$.total").value(1));
    mvc.perform(delete(one).header("Authorization", key)).andExpect(status().isNoContent());
    mvc.perform(get(one).header("Authorization", key)).andExpect(status().isNotFound());
  }

  @Test
  void brokenFieldsAre422AtTheirFieldsAndNothingIsStored() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = store.app(acme.admin(), acme.id());
    String key = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String one = "/api/developer/applications/" + app.id() + "/store-entry";

    send(
            post(one),
            key,
            """
            {"name": "<b>x</b>", "type": "CONNECTED_DESKTOP", "category": "GAMES",
             "teamVisibility": "SPECIFIC", "visibleTeamIds": ["%s"],
             "supportUrl": "javascript:alert(1)", "supportEmail": "nope"}
            """
                .formatted(java.util.UUID.randomUUID()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    Matchers.containsInAnyOrder(
                        "name",
                        "type",
                        "category",
                        "visibleTeamIds",
                        "supportUrl",
                        "supportEmail")));
    mvc.perform(get(one).header("Authorization", key)).andExpect(status().isNotFound());
  }

  @Test
  void anotherCompanysAdminGetsNotFound() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = store.app(acme.admin(), acme.id());
    store.entry(acme.admin(), app, "NONE", java.util.Set.of());
    String other = TestApiKeys.basic(apiKeys.issue(fixtures.company("Globex").admin()));
    String one = "/api/developer/applications/" + app.id() + "/store-entry";

    mvc.perform(get(one).header("Authorization", other)).andExpect(status().isNotFound());
    send(patch(one), other, "{\"vendor\": \"Hijacked\"}").andExpect(status().isNotFound());
    mvc.perform(delete(one).header("Authorization", other)).andExpect(status().isNotFound());
    mvc.perform(
            get("/api/developer/accounts/" + acme.id() + "/store-entries")
                .header("Authorization", other))
        .andExpect(status().isNotFound());
  }

  private ResultActions send(MockHttpServletRequestBuilder request, String key, String body)
      throws Exception {
    return mvc.perform(
        request.header("Authorization", key).contentType(MediaType.APPLICATION_JSON).content(body));
  }
}
