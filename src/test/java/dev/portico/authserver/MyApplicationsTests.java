package dev.portico.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.User;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationSharing;
import dev.portico.applications.AssignmentSelection;
import dev.portico.applications.IssuedApplication;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * My account → Applications (OAU-5), the list: the user's own grants with scopes in OAU-4 words and
 * dates, never another user's; the Grant link; the apps assigned but not granted; escaping. Grants
 * are real ones, made with a plain HTTP client through the form, consent and token endpoint.
 */
@PorticoTest
class MyApplicationsTests {

  private static final Pattern GRANT_LINK =
      Pattern.compile("<a class=\"button\" href=\"([^\"]+)\"[^>]*aria-label=\"Grant ");

  @LocalServerPort int port;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationSharing sharing;
  @Autowired TestAccounts fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @Test
  void pageListsTheUsersOwnGrantsWithScopeWordsAndDateAndNotAnotherUsers() {
    Company acme = fixtures.company("Listing");
    String tag = acme.tag();
    IssuedApplication mine = OAuthFlow.register(management, acme, "Mine " + tag, null);
    IssuedApplication theirs = OAuthFlow.register(management, acme, "Theirs " + tag, null);
    IssuedApplication ungranted = OAuthFlow.register(management, acme, "Never " + tag, null);
    User other = fixtures.company("Elsewhere").admin();
    OAuthFlow flow = new OAuthFlow(port);
    flow.grant(acme.admin().email(), mine, "OAuth2Read");
    flow.grant(acme.admin().email(), mine, "OAuth2Write");
    flow.grant(other.email(), theirs, "OAuth2Read OAuth2Write");

    String page = page(acme.admin());

    assertThat(platformAccess(page))
        .contains("Mine " + tag)
        .contains(acme.account().name())
        .contains("Application can read your documents")
        .contains("Application can write to your documents")
        .contains(LocalDate.now(ZoneOffset.UTC).toString())
        .contains("1 application(s) with access to your account")
        .contains("/my/applications/" + mine.application().id() + "/revoke")
        .doesNotContain("Theirs " + tag)
        .doesNotContain("Never " + tag)
        .doesNotContain("Application can delete your documents");
    // the admin created the others, so they are assigned to her: offered, not listed as grants
    assertThat(available(page))
        .contains("Theirs " + tag, "Never " + tag)
        .doesNotContain("Mine " + tag);
    assertThat(platformAccess(page(other))).contains("Theirs " + tag);
    assertThat(page(other)).doesNotContain("Mine " + tag).doesNotContain("Never " + tag);
    assertThat(ungranted.application().name()).isNotBlank();
  }

  @Test
  void externalAccessSaysWhenItIsEmptyAndTheNavigationLinksThePage() {
    User solo = fixtures.individual();

    String page = page(solo);

    assertThat(page)
        .contains("External access")
        .contains("No application has External access")
        .contains("You have not given any application access to your account")
        .contains("href=\"/my/applications\" aria-current=\"page\"");
  }

  @Test
  void grantLinkIsTheOAuthUrlWithItsQueryKeptAndTheReturnAddressEncoded() {
    Company acme = fixtures.company("Links");
    IssuedApplication app =
        OAuthFlow.register(
            management, acme, "Linked " + acme.tag(), "https://plm.example.com/start?t=a%20b&x=1");
    new OAuthFlow(port).grant(acme.admin().email(), app, "OAuth2Read");

    Matcher link = GRANT_LINK.matcher(page(acme.admin()));

    assertThat(link.find()).isTrue();
    String href = link.group(1).replace("&amp;", "&");
    String here = "http://localhost:" + port + "/my/applications";
    assertThat(href)
        .isEqualTo(
            "https://plm.example.com/start?t=a%20b&x=1&redirectOnshapeUri="
                + "http%3A%2F%2Flocalhost%3A"
                + port
                + "%2Fmy%2Fapplications");
    assertThat(URI.create(href).getQuery()).endsWith("&redirectOnshapeUri=" + here);
  }

  @Test
  void appsAssignedToTheUserButNotGrantedAreOfferedWithGrantOnly() {
    Company acme = fixtures.company("Assigned");
    User member = fixtures.member(acme, Role.MEMBER, License.FULL);
    User light = fixtures.member(acme, Role.MEMBER, License.LIGHT);
    IssuedApplication offered =
        OAuthFlow.register(
            management, acme, "Offered " + acme.tag(), "https://offered.example.com/go");
    IssuedApplication unassigned =
        OAuthFlow.register(management, acme, "Unassigned " + acme.tag(), null);
    sharing.assign(
        AuthServerFixtures.actor(acme.admin()),
        offered.application(),
        new AssignmentSelection(Set.of(member.id()), Set.of(), Set.of()));

    String page = page(member);

    assertThat(page)
        .contains("Available to you")
        .contains("Offered " + acme.tag())
        .contains("https://offered.example.com/go?redirectOnshapeUri=")
        .doesNotContain("/my/applications/" + offered.application().id() + "/revoke")
        .doesNotContain("Unassigned " + acme.tag());
    // the creator is assigned from the start; once granted, the app moves to Platform access
    new OAuthFlow(port).grant(acme.admin().email(), offered, "OAuth2Read");
    String admin = page(acme.admin());
    assertThat(platformAccess(admin)).contains("Offered " + acme.tag());
    assertThat(available(admin))
        .contains("Unassigned " + acme.tag())
        .doesNotContain("Offered " + acme.tag());
    assertThat(page(light)).doesNotContain("Offered " + acme.tag());
    assertThat(unassigned.application().name()).isNotBlank();
  }

  @Test
  void namesAreEscapedOnTheListAndTheConfirmation() throws Exception {
    Company acme = fixtures.company("Escaping");
    IssuedApplication app = OAuthFlow.register(management, acme, "Plain " + acme.tag(), null);
    new OAuthFlow(port).grant(acme.admin().email(), app, "OAuth2Read");
    // Stored before the name rules existed, say: the page must never trust it.
    String evil = "<script>alert(1)</script>\"'&" + UUID.randomUUID();
    jdbc.sql("update app_application set name = ? where id = ?")
        .params(evil, app.application().id())
        .update();

    String list = page(acme.admin());
    String confirm =
        signedIn(acme.admin()).get("/my/applications/" + app.application().id() + "/revoke").body();

    for (String html : new String[] {list, confirm}) {
      assertThat(html).doesNotContain("<script>alert(1)").doesNotContain(evil);
      assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;");
    }
  }

  @Test
  void anHtmxRequestGetsOnlyTheTableAndTheConfirmationPanel() throws Exception {
    Company acme = fixtures.company("Htmx");
    IssuedApplication app = OAuthFlow.register(management, acme, "Partial " + acme.tag(), null);
    new OAuthFlow(port).grant(acme.admin().email(), app, "OAuth2Read");

    String table = partial(acme.admin(), "/my/applications");
    String panel = partial(acme.admin(), "/my/applications/" + app.application().id() + "/revoke");

    assertThat(table.strip()).startsWith("<div id=\"grants-table\"").doesNotContain("<html");
    assertThat(table).contains("Partial " + acme.tag());
    assertThat(panel).doesNotContain("<html").contains("will no longer be able to access");
    assertThat(panel).contains("name=\"_csrf\"");
  }

  private String partial(User user, String path) throws Exception {
    return mvc.perform(get(path).with(TestAccounts.as(user)).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The Platform access table of the page. */
  private static String platformAccess(String page) {
    int start = page.indexOf("id=\"grants-table\"");
    assertThat(start).as(page).isPositive();
    int available = page.indexOf("<h2 id=\"available\">", start);
    return page.substring(start, available > 0 ? available : page.indexOf("External access"));
  }

  /** The "Available to you" table of the page, empty when there is none. */
  private static String available(String page) {
    int start = page.indexOf("<h2 id=\"available\">");
    return start < 0 ? "" : page.substring(start, page.indexOf("External access", start));
  }

  private String page(User user) {
    HttpResponse<String> answer = signedIn(user).get("/my/applications");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  private ConsoleClient signedIn(User user) {
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(user.email(), TestAccounts.PASSWORD);
    return browser;
  }
}
