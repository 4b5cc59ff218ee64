package dev.portico.store;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.store.internal.ImagePolicyTests;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * STO-2 from an attacker's seat: a private entry's page and images are for the app's managers and
 * the team-visibility set (members of the listed teams, or every full member for ALL_INTERNAL); a
 * member outside the set, a light user (even in a listed team), another company's admin and a
 * forged id get 404. The form, the deletion and the account's list are for managers only.
 */
@PorticoTest
class StoreEntryAccessTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired StoreFixtures store;
  @Autowired StoreEntries entries;

  @Test
  void specificTeamsSeeTheEntryAndEveryoneElseGetsNotFound() throws Exception {
    Company acme = fixtures.company("Acme");
    User inTeam = fixtures.member(acme, Role.MEMBER, License.FULL);
    User outside = fixtures.member(acme, Role.MEMBER, License.FULL);
    User lightInTeam = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    User otherAdmin = fixtures.company("Globex").admin();
    UUID team = store.team(acme.admin(), acme.id(), Set.of(inTeam.id(), lightInTeam.id()));
    StoreEntry entry = withImage(acme, "SPECIFIC", Set.of(team));

    for (User viewer : List.of(acme.admin(), inTeam)) {
      assertThat(status(get(entry.url()), viewer)).isEqualTo(200);
      assertThat(status(get(entry.imageUrl(1)), viewer)).isEqualTo(200);
    }
    assertThat(answered(List.of(outside, lightInTeam, otherAdmin), viewing(entry))).isEmpty();
    assertThat(answered(List.of(inTeam, outside, lightInTeam, otherAdmin), managing(entry)))
        .isEmpty();
    assertThat(entries.entryOf(app(entry))).isPresent();
  }

  @Test
  void allInternalIsEveryFullMemberOfTheOwningCompanyOnly() throws Exception {
    Company acme = fixtures.company("Acme");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    User otherAdmin = fixtures.company("Globex").admin();
    StoreEntry entry = withImage(acme, "ALL_INTERNAL", Set.of());

    assertThat(status(get(entry.url()), member)).isEqualTo(200);
    assertThat(status(get(entry.imageUrl(1)), member)).isEqualTo(200);
    assertThat(answered(List.of(light, otherAdmin), viewing(entry))).isEmpty();
  }

  @Test
  void noneIsTheManagersOnlyAndForgedIdsAreNotFound() throws Exception {
    Company acme = fixtures.company("Acme");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    StoreEntry entry = withImage(acme, "NONE", Set.of());
    String forged = "/store/entries/" + UUID.randomUUID();

    assertThat(answered(List.of(member), viewing(entry))).isEmpty();
    assertThat(status(get(forged), acme.admin())).isEqualTo(404);
    assertThat(status(get(forged + "/images/1"), acme.admin())).isEqualTo(404);
    assertThat(status(get(entry.url() + "/images/0"), acme.admin())).isEqualTo(404);
    assertThat(status(get(entry.url() + "/images/9"), acme.admin())).isEqualTo(404);
    assertThat(
            status(
                get("/developer/oauth-applications/" + UUID.randomUUID() + "/store-entry"),
                acme.admin()))
        .isEqualTo(404);
  }

  private StoreEntry withImage(Company acme, String visibility, Set<UUID> teams) throws Exception {
    Application app = store.app(acme.admin(), acme.id());
    StoreEntry entry = store.entry(acme.admin(), app, visibility, teams);
    return entries.update(
        StoreFixtures.actor(acme.admin()),
        app,
        StoreEntryDraft.of(entry),
        List.of(
            ImageUpload.read(new java.io.ByteArrayInputStream(ImagePolicyTests.png()), 1 << 21)),
        false);
  }

  private Application app(StoreEntry entry) {
    return new dev.portico.applications.Application(
        entry.applicationId(),
        entry.ownerAccountId(),
        "",
        "",
        "",
        List.of(),
        entry.type(),
        null,
        false,
        Set.of(),
        null,
        List.of(),
        "",
        java.time.Instant.now(),
        null,
        0,
        new dev.portico.applications.PlatformOAuth(java.time.Duration.ofHours(1), null, false),
        java.time.Instant.now(),
        null,
        java.time.Instant.now());
  }

  private static List<MockHttpServletRequestBuilder> viewing(StoreEntry entry) {
    return List.of(get(entry.url()), get(entry.imageUrl(1)));
  }

  private static List<MockHttpServletRequestBuilder> managing(StoreEntry entry) {
    String base = "/developer/oauth-applications/" + entry.applicationId() + "/store-entry";
    return List.of(
        get(base),
        get(base + "/new"),
        post(base).param("name", "Hijacked").with(csrf()),
        get(base + "/delete"),
        post(base + "/delete").with(csrf()),
        get("/accounts/" + entry.ownerAccountId() + "/developer/store-entries"));
  }

  private List<String> answered(List<User> users, List<MockHttpServletRequestBuilder> requests)
      throws Exception {
    List<String> answered = new ArrayList<>();
    for (User user : users) {
      for (MockHttpServletRequestBuilder request : requests) {
        int status = status(request, user);
        if (status != 404) {
          var built = request.buildRequest(new org.springframework.mock.web.MockServletContext());
          answered.add(
              user.email()
                  + " "
                  + built.getMethod()
                  + " "
                  + built.getRequestURI()
                  + " → "
                  + status);
        }
      }
    }
    return answered;
  }

  private int status(MockHttpServletRequestBuilder request, User user) throws Exception {
    return mvc.perform(request.with(as(user))).andReturn().getResponse().getStatus();
  }
}
