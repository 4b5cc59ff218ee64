package dev.portico.store;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.ResultPage;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * STO-2 and STO-4 on the Store page and its search: a private entry shows (marked "Private — beta")
 * only to the managers and its team-visibility set, and is absent — results, total and category
 * counts — for everyone else; a public entry shows to every active user of every company, light
 * users included; search matches name, summary and vendor, the category filters.
 */
@PorticoTest
class StoreVisibilityTests {

  static final ResultPage.Request FIRST = new ResultPage.Request(0, 24);

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired StoreFixtures store;
  @Autowired StoreCatalog catalog;

  Company acme;
  User inTeam;
  User outside;
  User lightInTeam;
  User otherAdmin;
  StoreEntry entry;
  String token;

  @BeforeEach
  void setUp() {
    acme = fixtures.company("Acme");
    inTeam = fixtures.member(acme, Role.MEMBER, License.FULL);
    outside = fixtures.member(acme, Role.MEMBER, License.FULL);
    lightInTeam = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    otherAdmin = fixtures.company("Globex").admin();
    UUID team = store.team(acme.admin(), acme.id(), Set.of(inTeam.id(), lightInTeam.id()));
    Application app = store.app(acme.admin(), acme.id());
    entry = store.entry(acme.admin(), app, "SPECIFIC", Set.of(team));
    token = app.name().substring(app.name().lastIndexOf(' ') + 1);
  }

  @Test
  void privateEntryIsAbsentFromTheSearchTotalAndCategoryCountsOfOutsiders() throws Exception {
    for (User viewer : List.of(outside, lightInTeam, otherAdmin)) {
      StoreCatalog.Listing found = catalog.search(viewer, token, null, FIRST);
      assertThat(found.entries().items()).isEmpty();
      assertThat(found.entries().total()).isZero();
      assertThat(found.categories()).doesNotContainKey(StoreCategory.CAM);
      assertThat(catalog.search(viewer, token, StoreCategory.CAM, FIRST).entries().total())
          .isZero();
      assertThat(catalog.search(viewer, "", StoreCategory.CAM, FIRST).entries().items())
          .extracting(StoreEntry::id)
          .doesNotContain(entry.id());
      String page = page("/store?q=" + token + "&category=CAM", viewer);
      assertThat(page).doesNotContain(entry.name()).contains("0 entries");
      assertThat(page("/store", viewer)).doesNotContain(entry.name());
    }
  }

  @Test
  void privateEntryShowsToItsVisibilitySetAndManagersMarkedPrivateBeta() throws Exception {
    for (User viewer : List.of(inTeam, acme.admin())) {
      StoreCatalog.Listing found = catalog.search(viewer, token, null, FIRST);
      assertThat(found.entries().items()).extracting(StoreEntry::id).containsExactly(entry.id());
      assertThat(found.categories()).containsEntry(StoreCategory.CAM, 1L);
      String page = page("/store?q=" + token, viewer);
      assertThat(page).contains(entry.name()).contains("Private — beta").contains("1 entry");
      assertThat(page(entry.url(), viewer)).contains("Private — beta").contains("Subscribe");
    }
  }

  @Test
  void publicEntryIsVisibleToEveryActiveUserOfEveryCompany() throws Exception {
    store.setState(entry, EntryState.PUBLIC);
    User otherLight = fixtures.member(fixtures.company("Initech"), Role.MEMBER, License.LIGHT);

    for (User viewer : List.of(outside, lightInTeam, otherAdmin, otherLight)) {
      assertThat(catalog.search(viewer, token, null, FIRST).entries().items())
          .extracting(StoreEntry::id)
          .containsExactly(entry.id());
      assertThat(page("/store?q=" + token, viewer)).contains(entry.name()).contains("1 entry");
      assertThat(status(entry.url(), viewer)).isEqualTo(200);
    }
    assertThat(page(entry.url(), otherLight)).contains("Light users cannot subscribe");
    assertThat(page(entry.url(), otherAdmin)).doesNotContain("Private — beta");
  }

  @Test
  void searchMatchesNameSummaryAndVendorAndTheCategoryFilters() throws Exception {
    store.setState(entry, EntryState.PUBLIC);

    assertThat(ids(token.toUpperCase(java.util.Locale.ROOT), null)).contains(entry.id());
    assertThat(ids("Parts lists", null)).contains(entry.id());
    assertThat(ids(token, StoreCategory.CAM)).containsExactly(entry.id());
    assertThat(ids(token, StoreCategory.RENDERING)).isEmpty();
    assertThat(ids(token + "%", null)).isEmpty(); // a wildcard is a character, not "anything"
    assertThat(status("/store?category=NOT_ONE&page=-4&q=" + "x".repeat(500), otherAdmin))
        .isEqualTo(200);
  }

  @Test
  void supportLinkIsRenderedOnlyWhenHttpsOrMailto() {
    assertThat(withSupport("https://help.example.com").safeSupportUrl())
        .isEqualTo("https://help.example.com");
    assertThat(withSupport("mailto:help@example.com").safeSupportUrl())
        .isEqualTo("mailto:help@example.com");
    assertThat(withSupport("javascript:alert(1)").safeSupportUrl()).isNull();
    assertThat(withSupport("http://help.example.com").safeSupportUrl()).isNull();
  }

  private StoreEntry withSupport(String url) {
    return new StoreEntry(
        entry.id(),
        entry.applicationId(),
        entry.ownerAccountId(),
        entry.name(),
        entry.summary(),
        entry.type(),
        entry.category(),
        entry.teamVisibility(),
        Set.of(),
        null,
        url,
        null,
        null,
        null,
        entry.state(),
        0,
        entry.createdAt(),
        entry.updatedAt());
  }

  private List<UUID> ids(String q, StoreCategory category) {
    return catalog.search(otherAdmin, q, category, FIRST).entries().items().stream()
        .map(StoreEntry::id)
        .toList();
  }

  private String page(String url, User user) throws Exception {
    MvcResult result = mvc.perform(get(url).with(as(user))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return result.getResponse().getContentAsString();
  }

  private int status(String url, User user) throws Exception {
    return mvc.perform(get(url).with(as(user))).andReturn().getResponse().getStatus();
  }
}
