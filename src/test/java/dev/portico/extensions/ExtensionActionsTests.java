package dev.portico.extensions;

import static dev.portico.extensions.TestExtensionActions.granted;
import static dev.portico.extensions.TestExtensionActions.noGrant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationOAuthSettings;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.applications.ExternalOAuthDraft;
import dev.portico.applications.SharingFixtures;
import dev.portico.extensions.ActionResult.Kind;
import dev.portico.extensions.TestActionServer.Seen;
import dev.portico.extensions.internal.ExtensionRows;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Running extension actions (EXT-4) through {@link ExtensionActions}, against a JDK test server:
 * resolution of URL and body, the JSON rule, the size cap, the address rule and the token. Most
 * tests build the service with {@link TestExtensionActions}, to choose the address rule and the
 * External access.
 */
@PorticoTest
@ExtendWith(OutputCaptureExtension.class)
class ExtensionActionsTests {

  static TestActionServer server;

  @Autowired ExtensionActions actions;
  @Autowired TestExtensionActions services;
  @Autowired ExtensionRows rows;
  @Autowired ApplicationOAuthSettings oauthSettings;
  @Autowired JsonMapper json;
  @Autowired TestAccounts accounts;
  @Autowired ConsoleAppFixtures apps;

  private Company acme;
  private Application app;

  @BeforeAll
  static void start() throws Exception {
    server = new TestActionServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void setUp() {
    server.reset();
    acme = accounts.company("Acme");
    app = apps.register(acme.admin(), acme.id(), "Actions " + UUID.randomUUID());
  }

  @AfterEach
  void tearDown() throws Exception {
    LocaleContextHolder.resetLocaleContext();
    services.closeAll();
  }

  @Test
  void getUrlValuesAreUrlEncodedAndDefaultParametersAppended() {
    Extension ext =
        action(ActionType.GET, server.base() + "/json?doc={$documentId}&cfg={$configuration}");
    LocaleContextHolder.setLocale(Locale.FRANCE);

    ActionResult result =
        services
            .service(true, noGrant())
            .run(
                acme.admin(),
                ext.id(),
                Map.of(
                    ReplacementAttribute.DOCUMENT_ID, "a b&c=d/é#x",
                    ReplacementAttribute.CONFIGURATION, "size=1;len=2"));

    assertThat(result.isAnswered()).isTrue();
    Seen seen = server.seen.poll();
    assertThat(seen.rawQuery())
        .startsWith("doc=a%20b%26c%3Dd%2F%C3%A9%23x&cfg=size%3D1%3Blen%3D2&");
    assertThat(seen.query())
        .containsEntry("doc", "a b&c=d/é#x")
        .containsEntry("cfg", "size=1;len=2")
        .containsEntry("server", "https://portico.example")
        .containsEntry("companyId", acme.id().toString())
        .containsEntry("userId", acme.admin().id().toString())
        .containsEntry("locale", "fr-FR")
        .containsEntry("clientId", app.clientId());
  }

  @Test
  void userOutsideACompanyIsSentAsCompanyCad() {
    User solo = accounts.individual();
    Application own = apps.register(solo, solo.personalAccountId(), "Solo " + UUID.randomUUID());
    Extension ext =
        TestExtensions.action(rows, own.id(), ActionType.GET, server.base() + "/json", null);

    services.service(true, noGrant()).run(solo, ext.id(), Map.of());

    assertThat(server.seen.poll().query()).containsEntry("companyId", "cad");
  }

  @Test
  void postBodyIsResolvedWithJsonEscapedValues() throws Exception {
    String hostile = "say \"hi\"\\ \n</script><b>&";
    Extension ext =
        action(
            ActionType.POST,
            server.base() + "/json",
            "{\"doc\": \"{$documentId}\", \"part\": \"id-{$partId}\"}");

    services
        .service(true, noGrant())
        .run(
            acme.admin(),
            ext.id(),
            Map.of(ReplacementAttribute.DOCUMENT_ID, hostile, ReplacementAttribute.PART_ID, "7"));

    Seen seen = server.seen.poll();
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.headers().getFirst("Content-Type")).startsWith("application/json");
    JsonNode body = json.readTree(seen.body());
    assertThat(body.path("doc").stringValue()).isEqualTo(hostile);
    assertThat(body.path("part").stringValue()).isEqualTo("id-7");
  }

  @Test
  void jsonAnswerComesBackWithItsStatusWhateverItIs() {
    server.answer(404, "application/problem+json; charset=utf-8", "{\"title\":\"no part\"}");
    Extension ext = action(ActionType.GET, server.base() + "/answer");

    ActionResult result = services.service(true, noGrant()).run(acme.admin(), ext.id(), Map.of());

    assertThat(result.isAnswered()).isTrue();
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.body().path("title").stringValue()).isEqualTo("no part");
  }

  @Test
  void answerThatIsNotJsonIsRefused() {
    Extension text = action(ActionType.GET, server.base() + "/text");

    ActionResult result = services.service(true, noGrant()).run(acme.admin(), text.id(), Map.of());

    assertThat(result.failure().kind()).isEqualTo(Kind.NOT_JSON);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.body()).isNull();
  }

  @Test
  void answerLabelledJsonThatDoesNotParseIsRefused() {
    server.answer(200, "application/json", "{\"open\": ");
    Extension ext = action(ActionType.GET, server.base() + "/answer");

    ActionResult result = services.service(true, noGrant()).run(acme.admin(), ext.id(), Map.of());

    assertThat(result.failure().kind()).isEqualTo(Kind.NOT_JSON);
  }

  @Test
  void answerOverTheSizeLimitIsRefused() {
    Extension ext = action(ActionType.GET, server.base() + "/huge?size=2000000");

    ActionResult result = services.service(true, noGrant()).run(acme.admin(), ext.id(), Map.of());

    assertThat(result.failure().kind()).isEqualTo(Kind.TOO_LARGE);
  }

  @Test
  void actionToLoopbackIsRefusedWhenPrivateAddressesAreNotAllowed() {
    Extension byIp = action(ActionType.GET, server.base() + "/json");
    Extension byName = action(ActionType.POST, server.base("localhost") + "/json");

    ExtensionActions strict = services.service(false, noGrant());
    ActionResult ip = strict.run(acme.admin(), byIp.id(), Map.of());
    ActionResult name = strict.run(acme.admin(), byName.id(), Map.of());

    assertThat(ip.failure().kind()).isEqualTo(Kind.ADDRESS_REFUSED);
    assertThat(name.failure().kind()).isEqualTo(Kind.ADDRESS_REFUSED);
    assertThat(name.failure().message()).contains("localhost").doesNotContain("127.0.0.1");
    assertThat(server.seen).isEmpty();
  }

  @Test
  void appWithoutExternalOAuthIsCalledWithoutAuthorization() {
    Extension ext = action(ActionType.GET, server.base() + "/json");

    ActionResult result = actions.run(acme.admin(), ext.id(), Map.of());

    assertThat(result.isAnswered()).isTrue();
    assertThat(server.seen.poll().authorization()).isNull();
  }

  @Test
  void appWithExternalOAuthIsCalledWithTheUsersBearerToken() {
    configureExternalOAuth();
    Extension ext = action(ActionType.GET, server.base() + "/json");

    ActionResult result =
        services.service(true, granted("tok-123")).run(acme.admin(), ext.id(), Map.of());

    assertThat(result.isAnswered()).isTrue();
    assertThat(server.seen.poll().authorization()).isEqualTo("Bearer tok-123");
  }

  @Test
  void appWithExternalOAuthAndNoGrantAsksForTheGrantWithoutCalling() {
    configureExternalOAuth();
    Extension ext = action(ActionType.GET, server.base() + "/json");

    ActionResult result = services.service(true, noGrant()).run(acme.admin(), ext.id(), Map.of());

    assertThat(result.failure().kind()).isEqualTo(Kind.GRANT_REQUIRED);
    assertThat(result.failure().message()).contains("grant External access first");
    assertThat(result.failure().grantPath()).isEqualTo("/grant/" + app.id());
    assertThat(server.seen).isEmpty();
  }

  @Test
  void openInNewWindowAndEmbeddedPagesAreNotCalledByPortico() {
    Extension window = action(ActionType.OPEN_IN_NEW_WINDOW, server.base() + "/json");
    Extension panel =
        TestExtensions.store(
            rows,
            app.id(),
            ExtensionLocation.ELEMENT_RIGHT_PANEL,
            ExtensionContext.PART,
            null,
            server.base() + "/json",
            null);

    ExtensionActions service = services.service(true, noGrant());
    assertThat(service.run(acme.admin(), window.id(), Map.of()).failure().kind())
        .isEqualTo(Kind.NOT_CALLED_BY_PORTICO);
    assertThat(service.run(acme.admin(), panel.id(), Map.of()).failure().kind())
        .isEqualTo(Kind.NOT_CALLED_BY_PORTICO);
    assertThat(server.seen).isEmpty();
  }

  @Test
  void bearerTokenNeverReachesTheLogEvenWithHttpClientDebugOn(CapturedOutput output) {
    configureExternalOAuth();
    Extension ok = action(ActionType.GET, server.base() + "/json");
    String elsewhere = server.base("localhost") + "/json";
    Extension redirected =
        action(
            ActionType.GET,
            server.base() + "/redirect?to=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8));
    ExtensionActions service = services.service(true, granted("tok-never-logged-7f3a"));
    LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    logging.setLogLevel("org.apache.hc.client5.http", LogLevel.DEBUG);
    try {
      service.run(acme.admin(), ok.id(), Map.of());
      service.run(acme.admin(), redirected.id(), Map.of());
    } finally {
      logging.setLogLevel("org.apache.hc.client5.http", null);
    }

    assertThat(server.seen)
        .extracting(Seen::authorization)
        .containsOnly("Bearer tok-never-logged-7f3a");
    assertThat(output).contains("/redirect").doesNotContain("tok-never-logged-7f3a");
  }

  private Extension action(ActionType type, String url) {
    return action(type, url, null);
  }

  private Extension action(ActionType type, String url, String body) {
    return TestExtensions.action(rows, app.id(), type, url, body);
  }

  private void configureExternalOAuth() {
    oauthSettings.updateExternalOAuth(
        SharingFixtures.actor(acme.admin()),
        app,
        new ExternalOAuthDraft(
            "portico-client",
            "s3cret",
            "https://auth.example.com/authorize",
            "https://auth.example.com/token",
            "read"));
  }
}
