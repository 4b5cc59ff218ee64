package dev.portico.store;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.License;
import dev.portico.accounts.Role;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.GrantPolicy;
import dev.portico.authserver.OAuthFlow;
import dev.portico.extensions.ExtensionContext;
import dev.portico.extensions.ExtensionFixtures;
import dev.portico.extensions.ExtensionLocation;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a subscription gives (STO-4): subscribers see the app's extensions (EXT-5) and a member of
 * the owning company who subscribed — a beta tester of a private entry — may authorize the app
 * (SHR-3's rule for company members); unsubscribing takes both away at once.
 */
@PorticoTest
class StoreSubscriberAccessTests {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ExtensionFixtures extensions;
  @Autowired StoreFixtures store;
  @Autowired StoreSubscriptions subscriptions;
  @Autowired GrantPolicy grants;

  Company acme;
  User tester;
  IssuedApplication app;
  StoreEntry entry;

  @BeforeEach
  void setUp() {
    acme = accounts.company("Beta");
    tester = accounts.member(acme, Role.MEMBER, License.FULL);
    app = extensions.app(acme);
    extensions.extension(
        app,
        "BOM panel",
        ExtensionLocation.ELEMENT_RIGHT_PANEL,
        ExtensionContext.PART,
        "https://plm.example.com/panel",
        null);
    entry = store.entry(acme.admin(), app.application(), "ALL_INTERNAL", Set.of());
  }

  @Test
  void subscriberSeesTheAppsExtensionsAndAnUnsubscribedUserDoesNot() throws Exception {
    assertThat(extensionCount(tester)).isZero();

    subscriptions.subscribe(tester, entry.id());
    assertThat(extensionCount(tester)).isEqualTo(1);

    subscriptions.unsubscribe(tester, entry.id());
    assertThat(extensionCount(tester)).isZero();
  }

  @Test
  void subscriberOfAPublicEntryInAnotherCompanySeesTheExtensions() throws Exception {
    User outsider = accounts.company("Elsewhere").admin();
    store.setState(entry, EntryState.PUBLIC);

    assertThat(extensionCount(outsider)).isZero();
    subscriptions.subscribe(outsider, entry.id());
    assertThat(extensionCount(outsider)).isEqualTo(1);
  }

  @Test
  void subscriberWhoLeavesTheVisibilitySetStopsSeeingTheExtensions() throws Exception {
    subscriptions.subscribe(tester, entry.id());
    store.setState(entry, EntryState.PUBLIC);
    User outsider = accounts.company("Elsewhere").admin();
    subscriptions.subscribe(outsider, entry.id());

    store.setState(entry, EntryState.PRIVATE);
    assertThat(extensionCount(outsider)).isZero(); // subscribed, but may no longer see it
    assertThat(extensionCount(tester)).isEqualTo(1);
  }

  @Test
  void subscribedMemberMayAuthorizeTheAppAndUnsubscribingEndsIt() {
    assertThat(grants.refusal(tester, app.application())).isPresent();

    subscriptions.subscribe(tester, entry.id());
    assertThat(grants.refusal(tester, app.application())).isEmpty();
    Set<Scope> scopes = EnumSet.of(Scope.OAuth2Read);
    OAuthFlow flow = new OAuthFlow(port);
    String token = flow.authorize(app, tester, scopes).access();
    assertThat(flow.get("/api/users/sessioninfo", token).statusCode()).isEqualTo(200);

    subscriptions.unsubscribe(tester, entry.id());
    assertThat(grants.refusal(tester, app.application())).isPresent();
    assertThat(flow.get("/api/users/sessioninfo", token).statusCode()).isNotEqualTo(200);
  }

  @Test
  void lightMemberIsNeverAllowedThroughTheStore() throws Exception {
    User light = accounts.member(acme, Role.MEMBER, License.LIGHT);

    assertThat(grants.refusal(light, app.application())).isPresent();
    assertThat(extensionCount(light)).isZero();
  }

  private int extensionCount(User user) throws Exception {
    String body =
        mvc.perform(get("/api/extensions").with(as(user)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items").isArray())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return tools.jackson.databind.json.JsonMapper.shared().readTree(body).get("items").size();
  }
}
