package dev.portico.applications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.authserver.OAuthFlow;
import dev.portico.support.ConsoleClient;
import dev.portico.support.TestAccounts;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Portico as the app's own server (APP-6 end to end): app A of a company has External OAuth whose
 * server is this very Portico — as its second application B (client id and secret of B, Portico's
 * {@code /oauth/authorize} and {@code /oauth/token} on the test server's port). Users then grant A
 * External access through the console exactly as a browser would, and the tokens Portico keeps for
 * A are B's tokens at Portico's API.
 */
final class ExternalOAuthScenario {

  final int port;
  final Application appA;
  final IssuedApplication appB;

  private ExternalOAuthScenario(int port, Application appA, IssuedApplication appB) {
    this.port = port;
    this.appA = appA;
    this.appB = appB;
  }

  /** A (External OAuth → B at this Portico) and B, both of the company, both shared with users. */
  static ExternalOAuthScenario create(
      int port,
      ApplicationManagement management,
      ApplicationOAuthSettings settings,
      ApplicationSharing sharing,
      User admin,
      UUID companyId,
      User... users) {
    Application a =
        management
            .register(
                SharingFixtures.actor(admin),
                companyId,
                draft("Ext A", List.of("https://a.example.com/cb")))
            .application();
    String callback = "http://localhost:" + port + "/external-oauth/callback/" + a.id();
    IssuedApplication b =
        management.register(
            SharingFixtures.actor(admin), companyId, draft("Ext B", List.of(callback)));
    settings.updateExternalOAuth(
        SharingFixtures.actor(admin),
        a,
        new ExternalOAuthDraft(
            b.application().clientId(),
            b.clientSecret(),
            "http://localhost:" + port + "/oauth/authorize",
            "http://localhost:" + port + "/oauth/token",
            "OAuth2Read"));
    Set<UUID> ids = new java.util.HashSet<>();
    for (User u : users) {
      ids.add(u.id());
    }
    if (!ids.isEmpty()) {
      AssignmentSelection selection = new AssignmentSelection(ids, Set.of(), Set.of());
      sharing.assign(SharingFixtures.actor(admin), a, selection);
      sharing.assign(SharingFixtures.actor(admin), b.application(), selection);
    }
    return new ExternalOAuthScenario(port, a, b);
  }

  /** A signed-in browser of this user. */
  ConsoleClient signedIn(User user) {
    ConsoleClient browser = new ConsoleClient(port);
    assertThat(ConsoleClient.isRedirect(browser.signIn(user.email(), TestAccounts.PASSWORD)))
        .isTrue();
    return browser;
  }

  String grantPath() {
    return "/my/external-access/" + appA.id() + "/grant";
  }

  /**
   * Starts the grant, authorizes at the server (consenting if asked): answers the server's redirect
   * back to Portico's callback, not followed yet.
   */
  HttpResponse<String> authorizeAtServer(ConsoleClient browser) {
    HttpResponse<String> start = browser.get(grantPath());
    assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
    HttpResponse<String> answer =
        OAuthFlow.consented(
            browser, browser.get(start.headers().firstValue("Location").orElseThrow()));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    String back = answer.headers().firstValue("Location").orElseThrow();
    assertThat(back)
        .startsWith("http://localhost:" + port + "/external-oauth/callback/" + appA.id() + "?");
    return answer;
  }

  /** The whole grant: answers the page the browser ends at (My account → Applications). */
  HttpResponse<String> grant(ConsoleClient browser) {
    HttpResponse<String> callback = authorizeAtServer(browser);
    return browser.follow(browser.get(callback.headers().firstValue("Location").orElseThrow()));
  }

  OAuthFlow api() {
    return new OAuthFlow(port);
  }

  static Map<String, String> query(String url) {
    Map<String, String> params = new HashMap<>();
    String raw = URI.create(url).getRawQuery();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static ApplicationDraft draft(String name, List<String> redirects) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    return new ApplicationDraft(
        name + " " + tag,
        "com.example.ext-" + tag,
        "External OAuth test app",
        redirects,
        ApplicationType.INTEGRATED_CLOUD,
        null,
        false,
        Set.of(Scope.OAuth2Read),
        null,
        List.of());
  }
}
