package dev.portico.applications;

import static dev.portico.applications.ManagerTabsFixtures.base;
import static dev.portico.applications.ManagerTabsFixtures.register;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.system.SecretCipher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The Platform OAuth tab (APP-4: token lifetimes within the platform's bounds, skip-consent for a
 * company's own users), the External OAuth tab (APP-6: the client secret sealed, never shown back)
 * and the Extensions tab's empty state, through the console.
 */
@PorticoTest
class PlatformAndExternalOAuthConsoleTests {

  private static final String EXTERNAL_SECRET = "ext-Secret-0123456789-abcdefghij";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationCredentials credentials;
  @Autowired ApplicationOAuthSettings oauthSettings;
  @Autowired SecretCipher cipher;
  @Autowired JdbcClient jdbc;

  // --- Platform OAuth ---

  @Test
  void platformOAuthTabShowsTheCurrentLifetimesAndThePlatformBounds() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme.admin(), acme.id()).application();

    String page = page(acme.admin(), base(app) + "/platform-oauth");

    assertThat(page)
        .containsPattern("id=\"accessTokenLifetime\"[^>]*value=\"1\"")
        .containsPattern("<option value=\"hours\" selected=\"selected\">hours</option>")
        .contains("Between 5 minutes and 1 day; new apps get 1 hour.")
        .contains("Between 1 hour and 365 days, or as long as the grant lasts")
        .containsPattern("id=\"refreshTokenMode-grant\"[^>]*checked")
        .contains("Skip the grant screen for users of " + acme.account().name());
  }

  @Test
  void managerSavesLifetimesWithinBoundsAndSkipConsent() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme.admin(), acme.id()).application();

    mvc.perform(
            platform(app, "30", "minutes", "fixed", "30", "days")
                .param("skipConsentForOwnCompany", "true")
                .with(as(acme.admin())))
        .andExpect(redirectedUrl(base(app) + "/platform-oauth"));

    PlatformOAuth saved = management.application(app.id()).orElseThrow().platformOAuth();
    assertThat(saved)
        .isEqualTo(new PlatformOAuth(Duration.ofMinutes(30), Duration.ofDays(30), true));
    assertThat(page(acme.admin(), base(app) + "/platform-oauth"))
        .containsPattern("id=\"accessTokenLifetime\"[^>]*value=\"30\"")
        .containsPattern("id=\"refreshTokenMode-fixed\"[^>]*checked");

    mvc.perform(platform(app, "2", "hours", "grant", "", "days").with(as(acme.admin())))
        .andExpect(redirectedUrl(base(app) + "/platform-oauth"));

    assertThat(management.application(app.id()).orElseThrow().platformOAuth())
        .isEqualTo(new PlatformOAuth(Duration.ofHours(2), null, false));
  }

  @Test
  void lifetimesOutsideThePlatformBoundsAreRefusedAtTheirFieldsWithTheInputKept() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme.admin(), acme.id()).application();
    PlatformOAuth before = management.application(app.id()).orElseThrow().platformOAuth();

    String page =
        mvc.perform(platform(app, "2", "minutes", "fixed", "400", "days").with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page)
        .containsPattern("id=\"accessTokenLifetime-error\">must be between 5 minutes and 1 day</p>")
        .containsPattern("id=\"refreshTokenLifetime-error\">must be between 1 hour and 365 days")
        .containsPattern("id=\"accessTokenLifetime\"[^>]*value=\"2\"")
        .containsPattern("id=\"refreshTokenLifetime\"[^>]*value=\"400\"")
        .containsPattern("<option value=\"minutes\" selected=\"selected\">");
    assertThat(management.application(app.id()).orElseThrow().platformOAuth()).isEqualTo(before);

    // and the upper bound of the access token
    assertThat(
            mvc.perform(platform(app, "25", "hours", "grant", "", "days").with(as(acme.admin())))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("id=\"accessTokenLifetime-error\">must be between 5 minutes and 1 day");
    assertThat(management.application(app.id()).orElseThrow().platformOAuth()).isEqualTo(before);
  }

  @Test
  void lifetimeThatIsNotANumberIsAFieldErrorNeverA500() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme.admin(), acme.id()).application();

    String page =
        mvc.perform(
                platform(app, "<b>ten</b>", "fortnights", "sometimes", "", "days")
                    .with(as(acme.admin())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page)
        .contains("id=\"accessTokenLifetime-error\">enter a whole number of minutes, hours or days")
        .contains("id=\"refreshTokenLifetime-error\">choose one of the offered options")
        .contains("value=\"&lt;b&gt;ten&lt;/b&gt;\"")
        .doesNotContain("<b>ten</b>");
  }

  @Test
  void individualsAppOffersNoSkipConsentAndRefusesATamperedOne() throws Exception {
    User solo = fixtures.individual();
    Application app = register(management, solo, solo.personalAccountId()).application();

    assertThat(page(solo, base(app) + "/platform-oauth")).doesNotContain("Skip the grant screen");

    String page =
        mvc.perform(
                platform(app, "1", "hours", "grant", "", "days")
                    .param("skipConsentForOwnCompany", "true")
                    .with(as(solo)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page).contains("only applications of a company can skip consent");
    assertThat(
            management
                .application(app.id())
                .orElseThrow()
                .platformOAuth()
                .skipConsentForOwnCompany())
        .isFalse();
  }

  // --- External OAuth ---

  @Test
  void externalOAuthSecretIsStoredSealedAndNeverRenderedBack() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme.admin(), acme.id()).application();
    assertThat(page(acme.admin(), base(app) + "/external-oauth"))
        .contains("External access")
        .contains("No client secret is set yet.")
        .doesNotContain("Remove configuration");

    mvc.perform(external(app, "portico-client", EXTERNAL_SECRET).with(as(acme.admin())))
        .andExpect(redirectedUrl(base(app) + "/external-oauth"));

    String sealed =
        jdbc.sql("select secret_sealed from app_external_oauth where application_id = :id")
            .param("id", app.id())
            .query(String.class)
            .single();
    assertThat(sealed).isNotEqualTo(EXTERNAL_SECRET).doesNotContain(EXTERNAL_SECRET);
    assertThat(cipher.open(sealed, ApplicationOAuthSettings.externalBinding(app.id())))
        .isEqualTo(EXTERNAL_SECRET);
    assertThat(page(acme.admin(), base(app) + "/external-oauth"))
        .contains("A client secret is set.")
        .contains("value=\"portico-client\"")
        .contains("Remove configuration")
        .doesNotContain(EXTERNAL_SECRET);
    assertThat(auditRows(acme)).isNotEmpty().noneMatch(row -> row.contains(EXTERNAL_SECRET));
  }

  @Test
  void blankSecretKeepsTheStoredOne() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme.admin(), acme.id()).application();
    mvc.perform(external(app, "portico-client", EXTERNAL_SECRET).with(as(acme.admin())))
        .andExpect(redirectedUrl(base(app) + "/external-oauth"));

    mvc.perform(external(app, "portico-client-2", "").with(as(acme.admin())))
        .andExpect(redirectedUrl(base(app) + "/external-oauth"));

    ExternalOAuth config = oauthSettings.externalOAuth(app.id()).orElseThrow();
    assertThat(config.clientId()).isEqualTo("portico-client-2");
    assertThat(config.clientSecretSet()).isTrue();
    String sealed =
        jdbc.sql("select secret_sealed from app_external_oauth where application_id = :id")
            .param("id", app.id())
            .query(String.class)
            .single();
    assertThat(cipher.open(sealed, ApplicationOAuthSettings.externalBinding(app.id())))
        .isEqualTo(EXTERNAL_SECRET);
  }

  @Test
  void badExternalUrlsAreRefusedAtTheirFieldsWithTheInputKeptButNotTheSecret() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme.admin(), acme.id()).application();

    String page =
        mvc.perform(
                post(base(app) + "/external-oauth")
                    .param("clientId", "portico-client")
                    .param("clientSecret", EXTERNAL_SECRET)
                    .param("authorizationUrl", "javascript:alert(1)")
                    .param("tokenUrl", "")
                    .param("scopes", "read write")
                    .with(as(acme.admin()))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page)
        .containsPattern("id=\"authorizationUrl-error\">[^<]+</p>")
        .containsPattern("id=\"tokenUrl-error\">is required</p>")
        .contains("value=\"portico-client\"")
        .contains("value=\"read write\"")
        .contains("enter the client secret again")
        .doesNotContain(EXTERNAL_SECRET);
    assertThat(oauthSettings.externalOAuth(app.id())).isEmpty();
  }

  @Test
  void removeConfigurationForgetsItAndItsSecret() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme.admin(), acme.id()).application();
    mvc.perform(external(app, "portico-client", EXTERNAL_SECRET).with(as(acme.admin())))
        .andExpect(redirectedUrl(base(app) + "/external-oauth"));
    assertThat(page(acme.admin(), base(app) + "/external-oauth"))
        .contains("data-confirm=\"Remove the External OAuth configuration of “" + app.name());

    mvc.perform(post(base(app) + "/external-oauth/remove").with(as(acme.admin())).with(csrf()))
        .andExpect(redirectedUrl(base(app) + "/external-oauth"));

    assertThat(oauthSettings.externalOAuth(app.id())).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from app_external_oauth where application_id = :id")
                .param("id", app.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(page(acme.admin(), base(app) + "/external-oauth"))
        .contains("No client secret is set yet.")
        .doesNotContain("Remove configuration");
  }

  private MockHttpServletRequestBuilder platform(
      Application app,
      String access,
      String accessUnit,
      String refreshMode,
      String refresh,
      String refreshUnit) {
    return post(base(app) + "/platform-oauth")
        .param("accessTokenLifetime", access)
        .param("accessTokenUnit", accessUnit)
        .param("refreshTokenMode", refreshMode)
        .param("refreshTokenLifetime", refresh)
        .param("refreshTokenUnit", refreshUnit)
        .with(csrf());
  }

  private MockHttpServletRequestBuilder external(Application app, String clientId, String secret) {
    Map<String, String> fields =
        Map.of(
            "clientId", clientId,
            "clientSecret", secret,
            "authorizationUrl", "https://app.example.com/oauth/authorize",
            "tokenUrl", "https://app.example.com/oauth/token",
            "scopes", "read write");
    MockHttpServletRequestBuilder request = post(base(app) + "/external-oauth").with(csrf());
    fields.forEach(request::param);
    return request;
  }

  private List<String> auditRows(Company company) {
    return jdbc.sql(
            "select action || ' ' || target || ' ' || diff from aud_entry where account_id = :a")
        .param("a", company.id())
        .query(String.class)
        .list();
  }

  private String page(User me, String path) throws Exception {
    return mvc.perform(get(path).with(as(me)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
