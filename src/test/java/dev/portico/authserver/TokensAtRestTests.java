package dev.portico.authserver;

import static dev.portico.authserver.AuthServerFixtures.authorization;
import static dev.portico.authserver.AuthServerFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.Application;
import dev.portico.applications.ApplicationManagement;
import dev.portico.applications.ApplicationType;
import dev.portico.authserver.AuthServerFixtures.Values;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * OAU-6: after an authorization with a code, an access token, a refresh token and a consent state
 * is saved, no text column of any table of the database holds any of those values.
 */
@PorticoTest
class TokensAtRestTests {

  @Autowired HashedAuthorizationService service;
  @Autowired ApplicationClients clients;
  @Autowired ApplicationManagement management;
  @Autowired TestAccounts fixtures;
  @Autowired JdbcClient jdbc;

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
