package dev.portico.applications;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.GroupDraft;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.Actor;
import dev.portico.system.ResultPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Company settings → Developer → OAuth applications and My account's (APP-1, APP-2, APP-3, APP-7)
 * through the console: the list, the registration form with its field errors, the one-time secret.
 */
@PorticoTest
class OAuthApplicationsConsoleTests {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationDirectory directory;
  @Autowired GroupManagement groups;

  @Test
  void adminRegistersAppThenSecretIsShownOnceUncachedAndNeverAgain() throws Exception {
    Company acme = fixtures.company("Acme");
    UUID team = team(acme, "Developers");
    String format = ConsoleAppFixtures.uniqueFormat();
    Map<String, String> form = validForm("Acme PLM", format);
    form.put("type", "CONNECTED_CLOUD");
    form.put("oauthUrl", "https://plm.example.com/oauth/start");
    form.put("supportsCollaboration", "true");
    form.put("collaborators", "Bob@Acme.test\ncarol@acme.test\n");
    form.put("adminTeamId", team.toString());

    MvcResult created =
        mvc.perform(register(acme, form, "OAuth2Read", "OAuth2Write").with(as(acme.admin())))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(
                content().string(containsString("Copy the OAuth secret key from the window.")))
            .andExpect(
                content()
                    .string(
                        containsString(
                            "You will not be able to access this secret key again. This secret is"
                                + " unique to you and your app. It should be protected like any"
                                + " sensitive password and never checked into source code.")))
            .andReturn();

    Application app = only(acme.id());
    String secret = secretOn(created.getResponse().getContentAsString(), app);
    assertThat(created.getFlashMap().isEmpty()).isTrue();
    assertThat(created.getResponse().getRedirectedUrl()).isNull();
    assertThat(sessionValues(created)).noneMatch(v -> v.contains(secret));
    assertThat(directory.verifyClientSecret(app.clientId(), secret)).isPresent();
    assertThat(app.name()).isEqualTo("Acme PLM");
    assertThat(app.primaryFormat()).isEqualTo(format);
    assertThat(app.type()).isEqualTo(ApplicationType.CONNECTED_CLOUD);
    assertThat(app.redirectUrls())
        .containsExactly("https://plm.example.com/callback", "http://localhost:8080/callback");
    assertThat(app.oauthUrl()).isEqualTo("https://plm.example.com/oauth/start");
    assertThat(app.collaborators()).containsExactly("bob@acme.test", "carol@acme.test");
    assertThat(app.scopes()).containsExactlyInAnyOrder(Scope.OAuth2Read, Scope.OAuth2Write);
    assertThat(app.adminTeamId()).isEqualTo(team);
    assertThat(app.createdBy()).isEqualTo(acme.admin().id());
    assertThat(created.getResponse().getContentAsString())
        .contains("/developer/oauth-applications/" + app.id() + "\"");

    mvc.perform(get("/developer/oauth-applications/{id}", app.id()).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(app.clientId())))
        .andExpect(content().string(not(containsString(secret))))
        .andExpect(content().string(not(containsString("Copy the OAuth secret key"))));
    mvc.perform(list(acme).with(as(acme.admin())))
        .andExpect(content().string(containsString("Acme PLM")))
        .andExpect(content().string(not(containsString(secret))));
  }

  @Test
  void individualRegistersAppOwnedByTheirPersonalAccount() throws Exception {
    User solo = fixtures.individual();

    mvc.perform(
            post("/my/developer/oauth-applications/new")
                .params(params(validForm("Solo tool", ConsoleAppFixtures.uniqueFormat())))
                .param("scopes", "OAuth2Read")
                .with(as(solo))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(content().string(containsString("Copy the OAuth secret key from the window.")));

    assertThat(management.count(solo.personalAccountId())).isEqualTo(1);
    mvc.perform(get("/my/developer/oauth-applications").with(as(solo)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Solo tool")))
        .andExpect(content().string(not(containsString("Admin team"))));
    mvc.perform(get("/my/developer/oauth-applications/new").with(as(solo)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"adminTeamId\""))));
  }

  @Test
  void registrationFormOffersEveryFieldInTheSeedsOrder() throws Exception {
    Company acme = fixtures.company("Acme");
    team(acme, "Form team");

    String page =
        mvc.perform(
                get("/accounts/{id}/developer/oauth-applications/new", acme.id())
                    .with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    List<String> order =
        List.of(
            "id=\"name\"",
            "id=\"primaryFormat\"",
            "id=\"summary\"",
            "<textarea id=\"redirectUrls\"",
            "<select id=\"type\"",
            "id=\"oauthUrl\"",
            "id=\"supportsCollaboration\"",
            "<textarea id=\"collaborators\"",
            "<legend>Permissions</legend>",
            "<select id=\"adminTeamId\"");
    int at = -1;
    for (String marker : order) {
      int next = page.indexOf(marker);
      assertThat(next).as(marker).isGreaterThan(at);
      at = next;
    }
    assertThat(page)
        .contains(">Integrated Cloud App<", ">Connected Cloud App<", ">Connected Desktop App<")
        .contains("Form team")
        .contains("Needs <strong>Supports collaboration</strong> on");
    for (Scope scope : Scope.values()) {
      assertThat(page).contains(scope.description());
    }
  }

  @Test
  void brokenRulesAreShownAtTheirFieldsWithTheInputKeptAndNothingCreated() throws Exception {
    Company acme = fixtures.company("Acme");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", "  ");
    form.put("primaryFormat", "Not A Format");
    form.put("summary", "Kept summary");
    form.put("redirectUrls", "http://plm.example.com/callback\nhttps://ok.example.com/cb#frag");
    form.put("type", "");
    form.put("oauthUrl", "ftp://plm.example.com/start");
    form.put("collaborators", "kept@acme.test");

    String page =
        mvc.perform(register(acme, form).with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(errorOf(page, "name")).contains("is required");
    assertThat(errorOf(page, "primaryFormat")).contains("reverse-domain");
    assertThat(errorOf(page, "redirectUrls"))
        .contains("“http://plm.example.com/callback” must be an https:// URL")
        .contains("must not have a fragment");
    assertThat(errorOf(page, "type")).contains("choose a type");
    assertThat(errorOf(page, "oauthUrl")).contains("https://");
    assertThat(errorOf(page, "collaborators")).contains("turn on Supports collaboration");
    assertThat(errorOf(page, "scopes")).contains("choose at least one permission");
    assertThat(page)
        .contains("value=\"Not A Format\"")
        .contains(">Kept summary</textarea>")
        .contains("http://plm.example.com/callback\nhttps://ok.example.com/cb#frag</textarea>")
        .contains("value=\"ftp://plm.example.com/start\"")
        .contains(">kept@acme.test</textarea>")
        .doesNotContain("Copy the OAuth secret key");
    assertThat(management.count(acme.id())).isZero();
  }

  @Test
  void primaryFormatTakenByAnotherAccountIsRefusedAtItsField() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    Application taken = apps.register(globex.admin(), globex.id(), "Globex tool");

    String page =
        mvc.perform(
                register(acme, validForm("Acme tool", taken.primaryFormat()), "OAuth2Read")
                    .with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(errorOf(page, "primaryFormat")).contains("already registered");
    assertThat(page).contains("value=\"Acme tool\"");
    assertThat(management.count(acme.id())).isZero();
  }

  @Test
  void tamperedChoicesAreFieldErrorsNeverServerErrors() throws Exception {
    Company acme = fixtures.company("Acme");
    Map<String, String> form = validForm("Tampered", ConsoleAppFixtures.uniqueFormat());
    form.put("type", "SPACESHIP");
    form.put("adminTeamId", "not-a-uuid");
    form.put("supportsCollaboration", "maybe");
    MockHttpServletRequestBuilder request =
        register(acme, form, "OAuth2Read", "OAuth2Everything").with(as(acme.admin()));

    String page =
        mvc.perform(request)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(errorOf(page, "type")).contains("choose one of the types");
    assertThat(errorOf(page, "adminTeamId")).contains("choose one of the teams");
    assertThat(errorOf(page, "supportsCollaboration")).contains("on or off");
    assertThat(errorOf(page, "scopes")).contains("does not exist");
    assertThat(page).contains("value=\"Tampered\"");
    assertThat(management.count(acme.id())).isZero();
  }

  @Test
  void adminTeamOfAnotherCompanyIsRefusedAtItsField() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    Map<String, String> form = validForm("Borrowed team", ConsoleAppFixtures.uniqueFormat());
    form.put("adminTeamId", team(globex, "Globex team").toString());

    String page =
        mvc.perform(register(acme, form, "OAuth2Read").with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(errorOf(page, "adminTeamId")).contains("choose a team of " + acme.account().name());
    assertThat(management.count(acme.id())).isZero();
  }

  @Test
  void emptyListSaysWhatToDo() throws Exception {
    Company acme = fixtures.company("Acme");

    mvc.perform(list(acme).with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("No OAuth applications yet.")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "href=\"/accounts/"
                            + acme.id()
                            + "/developer/oauth-applications/new\">Create new OAuth application</a>")));
  }

  @Test
  void listIsSortedAndPagedByTheDatabaseAndAnHtmxRequestGetsOnlyTheTable() throws Exception {
    Company acme = fixtures.company("Acme");
    for (int i = 0; i < 26; i++) {
      apps.register(acme.admin(), acme.id(), String.format("App %02d", i));
    }

    String first =
        mvc.perform(list(acme).param("sort", "name").param("dir", "desc").with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(first).contains("26 OAuth application(s)").contains("Page 1 of 2");
    assertThat(first.indexOf(">App 25<")).isPositive().isLessThan(first.indexOf(">App 24<"));
    assertThat(first).doesNotContain(">App 00<");

    String table =
        mvc.perform(
                list(acme)
                    .param("sort", "name")
                    .param("dir", "desc")
                    .param("page", "1")
                    .header("HX-Request", "true")
                    .with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(table)
        .startsWith("<div id=\"oauth-applications-table\"")
        .doesNotContain("<html")
        .contains(">App 00<")
        .doesNotContain(">App 01<")
        .contains(acme.account().name());

    mvc.perform(list(acme).param("sort", "clientId").with(as(acme.admin())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Client id ▲")));
  }

  @Test
  void operatorSeesACompanysApplications() throws Exception {
    Company acme = fixtures.company("Acme");
    apps.register(acme.admin(), acme.id(), "Seen by the operator");

    mvc.perform(list(acme).with(as(fixtures.operator())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Seen by the operator")));
  }

  @Test
  void personalAccountAppsAreNotListedUnderCompanySettings() throws Exception {
    Company acme = fixtures.company("Acme");

    mvc.perform(
            get("/accounts/{id}/developer/oauth-applications", acme.admin().personalAccountId())
                .with(as(acme.admin())))
        .andExpect(status().isNotFound());
  }

  @Test
  void collaboratorAndAdminTeamMemberSeeAppsTheyCanEditOnTheirOwnList() throws Exception {
    Company acme = fixtures.company("Acme");
    User bob = fixtures.member(acme, Role.MEMBER, License.FULL);
    User dana = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    UUID team = team(acme, "Editors", dana.id());
    apps.register(
        acme.admin(),
        acme.id(),
        ConsoleAppFixtures.draft(
            "Shared with Bob", true, List.of(bob.email(), light.email()), null));
    apps.register(
        acme.admin(), acme.id(), ConsoleAppFixtures.draft("Team app", false, List.of(), team));

    mvc.perform(get("/my/developer/oauth-applications").with(as(bob)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Apps you can edit")))
        .andExpect(content().string(containsString("Shared with Bob")))
        .andExpect(content().string(not(containsString("Team app"))));
    mvc.perform(get("/my/developer/oauth-applications").with(as(dana)))
        .andExpect(content().string(containsString("Team app")))
        .andExpect(content().string(not(containsString("Shared with Bob"))));
    // DEV-1: light users have no developer settings, even when listed as collaborators
    mvc.perform(get("/my/developer/oauth-applications").with(as(light)))
        .andExpect(status().isNotFound());
  }

  private UUID team(Company company, String name, UUID... members) {
    return groups
        .create(
            Actor.SYSTEM,
            GroupKind.TEAM,
            company.id(),
            GroupDraft.team(
                name + " " + UUID.randomUUID().toString().substring(0, 6), Set.of(members)))
        .id();
  }

  private Application only(UUID owner) {
    List<ApplicationSummary> items =
        management
            .applications(owner, ApplicationOrder.NAME, true, new ResultPage.Request(0, 5))
            .items();
    assertThat(items).hasSize(1);
    return management.application(items.get(0).id()).orElseThrow();
  }

  /** The secret of the one-time page: the copy value that is not the client id. */
  private static String secretOn(String page, Application app) {
    Matcher m = Pattern.compile("data-copy=\"([^\"]+)\"").matcher(page);
    String secret = null;
    while (m.find()) {
      if (!m.group(1).equals(app.clientId())) {
        secret = m.group(1);
      }
    }
    assertThat(secret).as("the secret on the page").isNotNull().hasSizeGreaterThanOrEqualTo(43);
    return secret;
  }

  /** The error text shown at a field ({@code <p id="field-error">}). */
  static String errorOf(String page, String field) {
    Matcher m =
        Pattern.compile("id=\"" + field + "-error\"[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(page);
    assertThat(m.find()).as("an error shown at " + field).isTrue();
    return m.group(1);
  }

  static Map<String, String> validForm(String name, String format) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", name);
    form.put("primaryFormat", format);
    form.put("summary", "Lets " + name + " read your documents.");
    form.put(
        "redirectUrls", "https://plm.example.com/callback\r\nhttp://localhost:8080/callback\r\n");
    form.put("type", "INTEGRATED_CLOUD");
    form.put("oauthUrl", "");
    form.put("collaborators", "");
    return form;
  }

  /** The registration form as a browser sends it, with these scopes ticked. */
  private static MockHttpServletRequestBuilder register(
      Company company, Map<String, String> form, String... scopes) {
    MockHttpServletRequestBuilder request =
        post("/accounts/{id}/developer/oauth-applications/new", company.id())
            .params(params(form))
            .param("_scopes", "on")
            .with(csrf());
    return scopes.length == 0 ? request : request.param("scopes", scopes);
  }

  private static List<String> sessionValues(MvcResult result) {
    var session = result.getRequest().getSession(false);
    if (session == null) {
      return List.of();
    }
    return java.util.Collections.list(session.getAttributeNames()).stream()
        .map(n -> String.valueOf(session.getAttribute(n)))
        .toList();
  }

  private static MockHttpServletRequestBuilder list(Company company) {
    return get("/accounts/{id}/developer/oauth-applications", company.id());
  }

  static org.springframework.util.MultiValueMap<String, String> params(Map<String, String> form) {
    org.springframework.util.LinkedMultiValueMap<String, String> map =
        new org.springframework.util.LinkedMultiValueMap<>();
    form.forEach(map::add);
    return map;
  }
}
