package dev.portico.store;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import dev.portico.system.Forbidden;
import dev.portico.system.NotFound;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * STO-4 subscriptions on the console and over REST ({@code GET /api/store/entries}, {@code
 * POST|DELETE /api/store/entries/{id}/subscription}): a user who may see an entry subscribes and
 * unsubscribes, both idempotent; light users may not subscribe; a private entry is a 404 — list
 * included — for another company's admin, a member outside its teams and a forged id.
 */
@PorticoTest
class StoreSubscriptionTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired StoreFixtures store;
  @Autowired StoreSubscriptions subscriptions;

  Company acme;
  User inTeam;
  User outside;
  User otherAdmin;
  StoreEntry entry;
  String token;

  @BeforeEach
  void setUp() {
    acme = fixtures.company("Acme");
    inTeam = fixtures.member(acme, Role.MEMBER, License.FULL);
    outside = fixtures.member(acme, Role.MEMBER, License.FULL);
    otherAdmin = fixtures.company("Globex").admin();
    UUID team = store.team(acme.admin(), acme.id(), Set.of(inTeam.id()));
    Application app = store.app(acme.admin(), acme.id());
    entry = store.entry(acme.admin(), app, "SPECIFIC", Set.of(team));
    token = app.name().substring(app.name().lastIndexOf(' ') + 1);
  }

  @Test
  void consoleSubscribeAndUnsubscribeAreIdempotent() throws Exception {
    for (int i = 0; i < 2; i++) {
      mvc.perform(post(entry.url() + "/subscribe").with(csrf()).with(as(inTeam)))
          .andExpect(status().is3xxRedirection());
    }
    assertThat(subscriptions.isSubscribed(inTeam, entry.id())).isTrue();
    assertThat(subscriptions.count(entry.id())).isEqualTo(1);
    assertThat(page(inTeam)).contains("Unsubscribe");

    for (int i = 0; i < 2; i++) {
      mvc.perform(post(entry.url() + "/unsubscribe").with(csrf()).with(as(inTeam)))
          .andExpect(status().is3xxRedirection());
    }
    assertThat(subscriptions.isSubscribed(inTeam, entry.id())).isFalse();
    assertThat(page(inTeam)).contains(">Subscribe<");
  }

  @Test
  void subscribingNeedsTheCsrfTokenAndAnEntryTheUserMaySee() throws Exception {
    mvc.perform(post(entry.url() + "/subscribe").with(as(inTeam)))
        .andExpect(status().isForbidden());
    for (User stranger : List.of(outside, otherAdmin)) {
      mvc.perform(post(entry.url() + "/subscribe").with(csrf()).with(as(stranger)))
          .andExpect(status().isNotFound());
      assertThat(subscriptions.isSubscribed(stranger, entry.id())).isFalse();
    }
    mvc.perform(
            post("/store/entries/" + UUID.randomUUID() + "/subscribe")
                .with(csrf())
                .with(as(inTeam)))
        .andExpect(status().isNotFound());
  }

  @Test
  void lightUsersMayNotSubscribeEvenToAPublicEntry() throws Exception {
    User light = fixtures.member(fixtures.company("Initech"), Role.MEMBER, License.LIGHT);
    store.setState(entry, EntryState.PUBLIC);

    assertThatThrownBy(() -> subscriptions.subscribe(light, entry.id()))
        .isInstanceOf(Forbidden.class);
    mvc.perform(post(entry.url() + "/subscribe").with(csrf()).with(as(light)))
        .andExpect(status().isForbidden());
    assertThat(subscriptions.isSubscribed(light, entry.id())).isFalse();
    User lightInside = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    store.setState(entry, EntryState.PRIVATE);
    assertThatThrownBy(() -> subscriptions.subscribe(lightInside, entry.id()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void restListsSubscribesAndUnsubscribesTheCallersEntries() throws Exception {
    String key = key(inTeam);
    String one = "/api/store/entries/" + entry.id() + "/subscription";

    mvc.perform(get("/api/store/entries").param("q", token).header("Authorization", key))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(entry.id().toString()))
        .andExpect(jsonPath("$.items[0].state").value("PRIVATE"))
        .andExpect(jsonPath("$.items[0].subscribed").value(false))
        .andExpect(jsonPath("$.items[0].teamVisibility").doesNotExist());
    for (int i = 0; i < 2; i++) {
      mvc.perform(post(one).header("Authorization", key))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.subscribed").value(true));
    }
    assertThat(subscriptions.count(entry.id())).isEqualTo(1);
    mvc.perform(
            get("/api/store/entries")
                .param("q", token)
                .param("category", "CAM")
                .header("Authorization", key))
        .andExpect(jsonPath("$.items[0].subscribed").value(true));
    for (int i = 0; i < 2; i++) {
      mvc.perform(delete(one).header("Authorization", key))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.subscribed").value(false));
    }
    assertThat(subscriptions.isSubscribed(inTeam, entry.id())).isFalse();
  }

  @Test
  void privateEntryIsNotFoundOnEveryEndpointForOutsiders() throws Exception {
    subscriptions.subscribe(inTeam, entry.id());
    String one = "/api/store/entries/" + entry.id() + "/subscription";
    String forged = "/api/store/entries/" + UUID.randomUUID() + "/subscription";
    for (User stranger : List.of(outside, otherAdmin)) {
      String key = key(stranger);
      mvc.perform(get("/api/store/entries").param("q", token).header("Authorization", key))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.total").value(0));
      mvc.perform(get("/api/store/entries").param("category", "CAM").header("Authorization", key))
          .andExpect(
              jsonPath("$.items[*].id")
                  .value(Matchers.not(Matchers.hasItem(entry.id().toString()))));
      mvc.perform(post(one).header("Authorization", key)).andExpect(status().isNotFound());
      mvc.perform(delete(one).header("Authorization", key)).andExpect(status().isNotFound());
      mvc.perform(post(forged).header("Authorization", key)).andExpect(status().isNotFound());
    }
    assertThat(subscriptions.count(entry.id())).isEqualTo(1);
    mvc.perform(
            get("/api/store/entries")
                .param("category", "GAMES")
                .header("Authorization", key(inTeam)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("category"));
  }

  @Test
  void publicEntryIsSubscribedToByAnotherCompanysUser() throws Exception {
    store.setState(entry, EntryState.PUBLIC);
    String key = key(otherAdmin);

    mvc.perform(get("/api/store/entries").param("q", token).header("Authorization", key))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].state").value("PUBLIC"));
    mvc.perform(
            post("/api/store/entries/" + entry.id() + "/subscription").header("Authorization", key))
        .andExpect(status().isOk());
    assertThat(subscriptions.isSubscribed(otherAdmin, entry.id())).isTrue();
  }

  private String key(User user) {
    return TestApiKeys.basic(
        apiKeys.issue(user, Scope.OAuth2Read, Scope.OAuth2Write, Scope.OAuth2Delete));
  }

  private String page(User user) throws Exception {
    return mvc.perform(get(entry.url()).with(as(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
