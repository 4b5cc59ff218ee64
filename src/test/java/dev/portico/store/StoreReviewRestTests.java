package dev.portico.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.store.LaunchFixtures.Launch;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * STO-3 over REST (SPEC §13): the entry's {@code checklist} items {@code {id, label, automatic,
 * done}}; {@code POST …/publication} for the app's managers, 422 naming every missing item with
 * nothing changed, 409 once in review; {@code POST /api/operator/store-entries/{id}/review} for the
 * operator only (a company admin or member gets 404), comments required to return, 409 for the
 * second decision.
 */
@PorticoTest
class StoreReviewRestTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired LaunchFixtures launches;
  @Autowired JdbcClient jdbc;

  @Test
  void theEntryCarriesItsChecklist() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = launches.app(acme.admin(), acme.id());
    launches.entry(acme.admin(), app);
    mvc.perform(
            get("/api/developer/applications/" + app.id() + "/store-entry")
                .header("Authorization", key(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.checklist.length()").value(9))
        .andExpect(jsonPath("$.checklist[0].id").value("oauth-url"))
        .andExpect(jsonPath("$.checklist[0].label").value("OAuth URL set"))
        .andExpect(jsonPath("$.checklist[0].automatic").value(true))
        .andExpect(jsonPath("$.checklist[0].done").value(true))
        .andExpect(jsonPath("$.checklist[5].id").value("beta-testers"))
        .andExpect(jsonPath("$.checklist[5].done").value(false))
        .andExpect(jsonPath("$.checklist[6].id").value("developer-agreement"))
        .andExpect(jsonPath("$.checklist[6].automatic").value(false));
  }

  @Test
  void publicationIsRefusedWithTheMissingItemsUntilTheChecklistIsComplete() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = launches.app(acme.admin(), acme.id());
    StoreEntry entry = launches.entry(acme.admin(), app);
    String key = key(acme.admin());

    publication(entry.id(), key)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/invalid-input"))
        .andExpect(jsonPath("$.errors.length()").value(4))
        .andExpect(
            jsonPath("$.errors[*].field").value(Matchers.everyItem(Matchers.is("checklist"))))
        .andExpect(
            jsonPath("$.errors[*].message")
                .value(
                    Matchers.hasItem(Matchers.startsWith("Privacy policy published is not done"))));
    assertThat(state(entry)).isEqualTo("PRIVATE");

    launches.betaTesters(acme, entry, LaunchChecklist.BETA_TESTERS);
    launches.tickAll(acme.admin(), app);
    publication(entry.id(), key)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("IN_REVIEW"))
        .andExpect(jsonPath("$.checklist[*].done").value(Matchers.everyItem(Matchers.is(true))));
    publication(entry.id(), key).andExpect(status().isConflict());
  }

  @Test
  void onlyTheAppsManagersAskForPublication() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    Launch l = launches.ready(acme);
    for (User attacker :
        List.of(fixtures.member(acme, Role.MEMBER, License.FULL), globex.admin())) {
      publication(l.entry().id(), key(attacker)).andExpect(status().isNotFound());
    }
    publication(UUID.randomUUID(), key(acme.admin())).andExpect(status().isNotFound());
    assertThat(state(l.entry())).isEqualTo("PRIVATE");
  }

  @Test
  void onlyTheOperatorReviews() throws Exception {
    Company acme = fixtures.company("Acme");
    Launch l = launches.inReview(acme);
    for (User notOperator :
        List.of(acme.admin(), fixtures.member(acme, Role.MEMBER, License.FULL))) {
      decide(l.entry().id(), key(notOperator), "{\"decision\": \"APPROVE\"}")
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.type").value("https://portico.dev/problems/not-found"));
    }
    assertThat(state(l.entry())).isEqualTo("IN_REVIEW");
    String operator = key(fixtures.operator());
    decide(UUID.randomUUID(), operator, "{\"decision\": \"APPROVE\"}")
        .andExpect(status().isNotFound());
    decide(l.entry().id(), operator, "{\"decision\": \"APPROVE\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("PUBLIC"));
    decide(l.entry().id(), operator, "{\"decision\": \"RETURN\", \"comments\": \"late\"}")
        .andExpect(status().isConflict());
    assertThat(state(l.entry())).isEqualTo("PUBLIC");
  }

  @Test
  void aReturnNeedsCommentsAndAKnownDecision() throws Exception {
    Company acme = fixtures.company("Acme");
    Launch l = launches.inReview(acme);
    String operator = key(fixtures.operator());
    decide(l.entry().id(), operator, "{\"decision\": \"RETURN\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("comments"));
    decide(
            l.entry().id(),
            operator,
            "{\"decision\": \"RETURN\", \"comments\": \"" + "x".repeat(2001) + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("comments"));
    decide(l.entry().id(), operator, "{\"decision\": \"PUBLISH\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("decision"));
    decide(l.entry().id(), operator, "{}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("decision"));
    assertThat(state(l.entry())).isEqualTo("IN_REVIEW");
    decide(l.entry().id(), operator, "{\"decision\": \"RETURN\", \"comments\": \"Add images.\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("RETURNED"));
  }

  private ResultActions publication(UUID entryId, String key) throws Exception {
    return mvc.perform(
        post("/api/developer/store-entries/" + entryId + "/publication")
            .header("Authorization", key));
  }

  private ResultActions decide(UUID entryId, String key, String body) throws Exception {
    return mvc.perform(
        post("/api/operator/store-entries/" + entryId + "/review")
            .header("Authorization", key)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private String key(User user) {
    return TestApiKeys.basic(apiKeys.issue(user));
  }

  private String state(StoreEntry entry) {
    return jdbc.sql("select state from sto_entry where id = :id")
        .param("id", entry.id())
        .query(String.class)
        .single();
  }
}
