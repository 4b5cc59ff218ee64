package dev.portico.applications;

import static dev.portico.applications.ManagerTabsFixtures.base;
import static dev.portico.applications.ManagerTabsFixtures.register;
import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Keys and secret (APP-3) through the console, checked against the verification the authorization
 * server uses ({@link ApplicationDirectory#verifyClientSecret}): the regenerate overlap, its last
 * use, "Revoke previous secret now", and a new secret shown once and nowhere else.
 */
@PorticoTest
@ExtendWith(OutputCaptureExtension.class)
class ClientSecretRegenerationConsoleTests {

  static final String SEED_WARNING =
      "You will not be able to access this secret key again. This secret is unique to you and your"
          + " app. It should be protected like any sensitive password and never checked into"
          + " source code.";

  private static final Pattern COPYABLE = Pattern.compile("data-copy=\"([A-Z2-7=]+)\"");

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationDirectory directory;
  @Autowired JdbcClient jdbc;
  @Autowired LoggingSystem logging;

  @Test
  void previousSecretWorksDuringOneHourOverlapWithItsLastUseShownUntilRevokedNow()
      throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApplication issued = register(management, acme.admin(), acme.id());
    Application app = issued.application();
    String old = issued.clientSecret();

    String fresh = regenerate(acme.admin(), app, "PT1H");
    assertThat(keysTab(acme.admin(), app))
        .contains("Previous secret works until")
        .contains("Not used since the new secret was created")
        .contains("Revoke previous secret now")
        .doesNotContain("Last used");

    assertThat(directory.verifyClientSecret(app.clientId(), fresh)).isPresent();
    assertThat(directory.verifyClientSecret(app.clientId(), old)).isPresent();

    assertThat(keysTab(acme.admin(), app))
        .contains("Previous secret works until")
        .contains("Last used")
        .doesNotContain("Not used since");

    mvc.perform(post(base(app) + "/keys/previous/revoke").with(as(acme.admin())).with(csrf()))
        .andExpect(redirectedUrl(base(app) + "/keys"));

    assertThat(directory.verifyClientSecret(app.clientId(), old)).isEmpty();
    assertThat(directory.verifyClientSecret(app.clientId(), fresh)).isPresent();
    assertThat(keysTab(acme.admin(), app))
        .doesNotContain("Previous secret works until")
        .doesNotContain("Revoke previous secret now");
  }

  @Test
  void regenerateWithoutOverlapRefusesOldSecretAtOnce() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApplication issued = register(management, acme.admin(), acme.id());
    Application app = issued.application();
    assertThat(directory.verifyClientSecret(app.clientId(), issued.clientSecret())).isPresent();

    String fresh = regenerate(acme.admin(), app, "PT0S");

    assertThat(directory.verifyClientSecret(app.clientId(), issued.clientSecret())).isEmpty();
    assertThat(directory.verifyClientSecret(app.clientId(), fresh)).isPresent();
    assertThat(keysTab(acme.admin(), app)).doesNotContain("Previous secret works until");
  }

  @Test
  void regenerateWithoutChoosingAnOverlapKeepsNoPreviousSecret() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApplication issued = register(management, acme.admin(), acme.id());
    Application app = issued.application();
    assertThat(keysTab(acme.admin(), app))
        .containsPattern(
            "value=\"PT0S\"\\s+checked=\"checked\"|checked=\"checked\"[^>]*value=\"PT0S\"");

    mvc.perform(post(base(app) + "/keys/regenerate").with(as(acme.admin())).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "no-store"));

    assertThat(directory.verifyClientSecret(app.clientId(), issued.clientSecret())).isEmpty();
  }

  @Test
  void previousSecretIsRefusedAfterTheOverlapExpires() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApplication issued = register(management, acme.admin(), acme.id());
    Application app = issued.application();
    String fresh = regenerate(acme.admin(), app, "PT1H");
    assertThat(directory.verifyClientSecret(app.clientId(), issued.clientSecret())).isPresent();

    jdbc.sql("update app_application set previous_secret_expires = :past where id = :id")
        .param("past", java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)))
        .param("id", app.id())
        .update();
    directory.evict(app.clientId());

    assertThat(directory.verifyClientSecret(app.clientId(), issued.clientSecret())).isEmpty();
    assertThat(directory.verifyClientSecret(app.clientId(), fresh)).isPresent();
    assertThat(keysTab(acme.admin(), app))
        .doesNotContain("Previous secret works until")
        .doesNotContain("Revoke previous secret now");
  }

  @Test
  void newSecretIsShownOnlyInTheRegenerateAnswerNeverOnTheTabInAuditRowsOrLogs(
      CapturedOutput output) throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApplication issued = register(management, acme.admin(), acme.id());
    Application app = issued.application();
    LogLevel before =
        logging.getLoggerConfigurations().stream()
            .filter(c -> c.getName().equals("dev.portico"))
            .findFirst()
            .map(c -> c.getConfiguredLevel())
            .orElse(null);
    logging.setLogLevel("dev.portico", LogLevel.TRACE);
    logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
    String fresh;
    try {
      MvcResult answer = regenerateAnswer(acme.admin(), app, "PT24H");
      fresh = secretOn(answer, app);
      assertThat(answer.getResponse().getContentAsString()).contains(SEED_WARNING);
      assertThat(answer.getFlashMap().isEmpty()).isTrue();
      assertThat(sessionValues(answer)).noneMatch(v -> v.contains(fresh));
      assertThat(keysTab(acme.admin(), app))
          .doesNotContain(fresh)
          .doesNotContain(issued.clientSecret());
    } finally {
      logging.setLogLevel("dev.portico", before);
      logging.setLogLevel("org.springframework.web", null);
    }

    List<String> audit =
        jdbc.sql(
                "select action || ' ' || target || ' ' || diff from aud_entry where account_id = :a")
            .param("a", acme.id())
            .query(String.class)
            .list();
    assertThat(audit).anyMatch(row -> row.startsWith("application.secret-regenerated"));
    assertThat(audit).noneMatch(row -> row.contains(fresh) || row.contains(issued.clientSecret()));
    // the capture saw the request at DEBUG (so it would have seen a secret logged with it)
    assertThat(output.getAll()).contains("ApplicationKeysController#processRegeneration");
    assertThat(output.getAll()).doesNotContain(fresh).doesNotContain(issued.clientSecret());
  }

  @Test
  void unknownOverlapIsRefusedAtItsFieldAndTheSecretStays() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApplication issued = register(management, acme.admin(), acme.id());
    Application app = management.application(issued.application().id()).orElseThrow();

    String page =
        mvc.perform(
                post(base(app) + "/keys/regenerate")
                    .param("keepPreviousFor", "P365D")
                    .with(as(acme.admin()))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page).contains("keepPreviousFor-error").contains("choose one of the offered times");
    assertThat(directory.verifyClientSecret(app.clientId(), issued.clientSecret())).isPresent();
    assertThat(management.application(app.id()).orElseThrow().secretCreatedAt())
        .isEqualTo(app.secretCreatedAt());
  }

  @Test
  void regenerateAndRevokeAskForConfirmationThatSaysWhatHappens() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = register(management, acme.admin(), acme.id()).application();
    String tab = keysTab(acme.admin(), app);
    assertThat(tab)
        .contains("Keep the previous secret working for")
        .contains("data-confirm=\"Regenerate the client secret of “" + app.name())
        .contains("it stops working at once")
        .contains("Tokens already issued stay valid.")
        .contains("<code class=\"token\" id=\"client-id\">" + app.clientId() + "</code>")
        .contains("data-copy=\"" + app.clientId() + "\"");

    regenerate(acme.admin(), app, "P7D");

    assertThat(keysTab(acme.admin(), app))
        .contains("data-confirm=\"Revoke the previous client secret of “" + app.name());
  }

  @Test
  void secretCanNotBeRegeneratedWithGet() throws Exception {
    Company acme = fixtures.company("Acme");
    IssuedApplication issued = register(management, acme.admin(), acme.id());
    Application app = issued.application();

    mvc.perform(get(base(app) + "/keys/regenerate").with(as(acme.admin())))
        .andExpect(status().is4xxClientError());

    assertThat(directory.verifyClientSecret(app.clientId(), issued.clientSecret())).isPresent();
  }

  private String regenerate(User me, Application app, String overlap) throws Exception {
    return secretOn(regenerateAnswer(me, app, overlap), app);
  }

  private MvcResult regenerateAnswer(User me, Application app, String overlap) throws Exception {
    MvcResult result =
        mvc.perform(
                post(base(app) + "/keys/regenerate")
                    .param("keepPreviousFor", overlap)
                    .with(as(me))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andReturn();
    assertThat(result.getResponse().getRedirectedUrl()).isNull();
    assertThat(result.getResponse().getContentAsString()).contains(SEED_WARNING);
    return result;
  }

  private static String secretOn(MvcResult result, Application app) throws Exception {
    Matcher m = COPYABLE.matcher(result.getResponse().getContentAsString());
    while (m.find()) {
      if (!m.group(1).equals(app.clientId())) {
        return m.group(1);
      }
    }
    throw new AssertionError("no secret with a copy button on the page");
  }

  private static List<String> sessionValues(MvcResult result) {
    HttpSession session = result.getRequest().getSession(false);
    if (session == null) {
      return List.of();
    }
    return Collections.list(session.getAttributeNames()).stream()
        .map(name -> String.valueOf(session.getAttribute(name)))
        .toList();
  }

  private String keysTab(User me, Application app) throws Exception {
    return mvc.perform(get(base(app) + "/keys").with(as(me)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
