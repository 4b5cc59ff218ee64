package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.REDIRECTS;
import static dev.portico.authserver.AuthServerFixtures.authorization;
import static dev.portico.authserver.AuthServerFixtures.issue;
import static dev.portico.authserver.AuthServerFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.applications.IssuedApplication;
import dev.portico.authserver.AuthServerFixtures.Values;
import dev.portico.authserver.OAuthTestClient.Tokens;
import dev.portico.authserver.internal.TokenHashes;
import dev.portico.support.ConsoleClient;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * OAU-6: after an authorization with a code, an access token, a refresh token and a consent state
 * is saved, no text column of any table of the database holds any of those values; nor after a flow
 * with a refresh (the rotated token kept as its hash) and a refresh reuse that revokes it.
 */
@PorticoTest
class TokensAtRestTests {

  @Autowired HashedAuthorizationService service;
  @Autowired ApplicationClients clients;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void noColumnOfAnyTableHoldsARawCodeTokenOrState() {
    Application app =
        register(management, fixtures.company("Acme"), ApplicationType.INTEGRATED_CLOUD);
    RegisteredClient client = clients.findByClientId(app.clientId());
    assertThat(client).isNotNull();
    Values v = Values.fresh();
    String principal = "dump-user-" + UUID.randomUUID();
    service.save(authorization(client, principal, v, Instant.now()));

    assertThat(columnsHolding(v.code())).isEmpty();
    assertThat(columnsHolding(v.access())).isEmpty();
    assertThat(columnsHolding(v.refresh())).isEmpty();
    assertThat(columnsHolding(v.state())).isEmpty();
    // The scan sees what is stored: the principal's name is kept in the clear.
    assertThat(columnsHolding(principal)).contains("as_authorization.principal_name");
  }

  @Test
  void afterRotationsAndARefreshReuseRevocationNoColumnHoldsARawValue() {
    Company acme = fixtures.company("AtRest");
    IssuedApplication app = issue(management, acme, ApplicationType.INTEGRATED_CLOUD);
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(acme.admin().email(), TestAccounts.PASSWORD);
    OAuthTestClient oauth = new OAuthTestClient(port);
    String code = oauth.code(browser, app, REDIRECTS.get(0), "");
    Tokens first = oauth.exchange(app, code, REDIRECTS.get(0), "");
    HttpResponse<String> refreshed = oauth.refresh(app, first.refresh());
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    Tokens second = OAuthTestClient.tokens(refreshed);
    List<String> raw =
        List.of(
            code,
            first.access(),
            first.refresh(),
            second.access(),
            second.refresh(),
            app.clientSecret());
    // The rotated refresh token is kept, as its hash only, in as_rotated_refresh.
    assertThat(columnsHolding(TokenHashes.sha256Hex(first.refresh())))
        .containsExactly("as_rotated_refresh.hash");
    raw.forEach(value -> assertThat(columnsHolding(value)).as(value).isEmpty());

    HttpResponse<String> reused = oauth.refresh(app, first.refresh());

    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(columnsHolding(TokenHashes.sha256Hex(first.refresh()))).isEmpty();
    raw.forEach(value -> assertThat(columnsHolding(value)).as(value).isEmpty());
  }

  private List<String> columnsHolding(String value) {
    return columnsHolding(jdbc, value);
  }

  /** "table.column" of every text, JSON or bytea column of the schema holding the value. */
  static List<String> columnsHolding(JdbcClient jdbc, String value) {
    List<String[]> columns =
        jdbc.sql(
                """
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema()
                  and data_type in ('text', 'character varying', 'character', 'json', 'jsonb',
                                    'bytea')""")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .list();
    assertThat(columns).as("the scan sees the tables").hasSizeGreaterThan(50);
    List<String> holding = new ArrayList<>();
    for (String[] column : columns) {
      String expression =
          column[2].equals("bytea")
              ? "position(convert_to(:v, 'UTF8') in \"" + column[1] + "\")"
              : "position(:v in cast(\"" + column[1] + "\" as text))";
      long hits =
          jdbc.sql("select count(*) from \"" + column[0] + "\" where " + expression + " > 0")
              .param("v", value)
              .query(Long.class)
              .single();
      if (hits > 0) {
        holding.add(column[0] + "." + column[1]);
      }
    }
    return holding;
  }
}
