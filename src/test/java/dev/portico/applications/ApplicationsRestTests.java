package dev.portico.applications;

import static dev.portico.applications.RestApplications.body;
import static dev.portico.applications.RestApplications.created;
import static dev.portico.applications.RestApplications.id;
import static dev.portico.applications.RestApplications.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** OAuth applications over REST (SPEC §13, APP-1..7): what managers can do, and bad input. */
@PorticoTest
class ApplicationsRestTests {

  private static final String APPS = "/api/developer/accounts/{id}/applications";
  private static final String APP = "/api/developer/applications/{id}";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired ApplicationManagement management;
  @Autowired ApplicationCredentials credentials;
  @Autowired ApplicationOAuthSettings oauthSettings;

  @Test
  void companyAdminRegistersListsReadsChangesAndDeletesAnApplication() throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String format = "com.example.acme-" + acme.tag();

    String json =
        register(mvc, auth, acme.id(), body("Acme PLM", format))
            .andExpect(status().isCreated())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(header().string("Location", containsString("/api/developer/applications/")))
            .andExpect(jsonPath("$.clientSecret").isNotEmpty())
            .andExpect(jsonPath("$.clientId").value(containsString("=")))
            .andExpect(jsonPath("$.name").value("Acme PLM"))
            .andExpect(jsonPath("$.primaryFormat").value(format))
            .andExpect(jsonPath("$.summary").value("Reads your parts lists"))
            .andExpect(jsonPath("$.redirectUrls[0]").value("https://app.example.com/cb"))
            .andExpect(jsonPath("$.redirectUrls[1]").value("http://localhost:8080/cb"))
            .andExpect(jsonPath("$.type").value("INTEGRATED_CLOUD"))
            .andExpect(jsonPath("$.oauthUrl").value("https://app.example.com/start"))
            .andExpect(jsonPath("$.supportsCollaboration").value(false))
            .andExpect(jsonPath("$.scopes[0]").value("OAuth2Read"))
            .andExpect(jsonPath("$.scopes[1]").value("OAuth2Write"))
            .andExpect(jsonPath("$.adminTeamId").isEmpty())
            .andExpect(jsonPath("$.ownerAccountId").value(acme.id().toString()))
            .andExpect(jsonPath("$.createdAt").isNotEmpty())
            .andExpect(jsonPath("$.platformOAuth.accessTokenLifetime").value("PT1H"))
            .andExpect(jsonPath("$.platformOAuth.refreshTokenLifetime").isEmpty())
            .andExpect(jsonPath("$.platformOAuth.skipConsentForOwnCompany").value(false))
            .andExpect(jsonPath("$.previousSecret").doesNotExist())
            .andExpect(jsonPath("$.externalOAuth").doesNotExist())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = id(json);

    mvc.perform(get(APPS, acme.id()).header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(25))
        .andExpect(jsonPath("$.items[0].id").value(id))
        .andExpect(jsonPath("$.items[0].name").value("Acme PLM"))
        .andExpect(jsonPath("$.items[0].type").value("INTEGRATED_CLOUD"))
        .andExpect(jsonPath("$.items[0].clientId").value(JsonPath.<String>read(json, "$.clientId")))
        .andExpect(jsonPath("$.items[0].scopes[0]").value("OAuth2Read"))
        .andExpect(jsonPath("$.items[0].ownerAccountId").value(acme.id().toString()));

    mvc.perform(get(APP, id).header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.primaryFormat").value(format))
        .andExpect(jsonPath("$.clientSecret").doesNotExist());

    patchJson(auth, id, "{\"name\":\"Acme PLM 2\",\"oauthUrl\":null,\"type\":\"CONNECTED_CLOUD\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Acme PLM 2"))
        .andExpect(jsonPath("$.oauthUrl").isEmpty())
        .andExpect(jsonPath("$.type").value("CONNECTED_CLOUD"))
        .andExpect(jsonPath("$.summary").value("Reads your parts lists"))
        .andExpect(jsonPath("$.redirectUrls.length()").value(2));
    Application stored = management.application(UUID.fromString(id)).orElseThrow();
    assertThat(stored.name()).isEqualTo("Acme PLM 2");
    assertThat(stored.oauthUrl()).isNull();

    mvc.perform(delete(APP, id).header("Authorization", auth)).andExpect(status().isNoContent());
    assertThat(management.application(UUID.fromString(id))).isEmpty();
    mvc.perform(get(APP, id).header("Authorization", auth)).andExpect(status().isNotFound());
    mvc.perform(get(APPS, acme.id()).header("Authorization", auth))
        .andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void individualRegistersListsReadsChangesAndDeletesAnApplicationOfMe() throws Exception {
    User dave = fixtures.individual();
    String auth = TestApiKeys.basic(apiKeys.issue(dave));
    String json =
        register(mvc, auth, "me", body("Dave's viewer"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.ownerAccountId").value(dave.personalAccountId().toString()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = id(json);

    mvc.perform(get(APPS, "me").header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(id));
    mvc.perform(get(APPS, dave.personalAccountId()).header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].id").value(id));
    patchJson(auth, id, "{\"summary\":\"Shows your drawings\",\"scopes\":[\"OAuth2Read\"]}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.summary").value("Shows your drawings"))
        .andExpect(jsonPath("$.scopes.length()").value(1));
    mvc.perform(delete(APP, id).header("Authorization", auth)).andExpect(status().isNoContent());
    mvc.perform(get(APPS, "me").header("Authorization", auth))
        .andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void listIsSortedAndPagedAsAsked() throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    for (String name : List.of("Charlie", "alpha", "Bravo")) {
      created(mvc, auth, acme.id(), name);
    }
    mvc.perform(get(APPS, acme.id()).param("size", "2").header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.size").value(2))
        .andExpect(jsonPath("$.items[0].name").value("alpha"))
        .andExpect(jsonPath("$.items[1].name").value("Bravo"));
    mvc.perform(
            get(APPS, acme.id())
                .param("size", "2")
                .param("page", "1")
                .header("Authorization", auth))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].name").value("Charlie"));
    mvc.perform(
            get(APPS, acme.id())
                .param("sort", "name")
                .param("dir", "desc")
                .header("Authorization", auth))
        .andExpect(jsonPath("$.items[0].name").value("Charlie"))
        .andExpect(jsonPath("$.items[2].name").value("alpha"));
    mvc.perform(
            get(APPS, acme.id())
                .param("sort", "created")
                .param("dir", "desc")
                .header("Authorization", auth))
        .andExpect(jsonPath("$.items[0].name").value("Bravo"));
    mvc.perform(get(APPS, acme.id()).param("sort", "secret").header("Authorization", auth))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    mvc.perform(get(APPS, acme.id()).param("dir", "up").header("Authorization", auth))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("dir"));
  }

  @Test
  void primaryFormatCanNotBeChangedByPatch() throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String format = "com.example.fixed-" + acme.tag();
    String id =
        id(
            register(mvc, auth, acme.id(), body("Fixed", format))
                .andReturn()
                .getResponse()
                .getContentAsString());

    patchJson(
            auth, id, "{\"primaryFormat\":\"com.example.other-" + acme.tag() + "\",\"name\":\"X\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("primaryFormat"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("cannot be changed")));
    patchJson(auth, id, "{\"primaryFormat\":\"" + format + "\",\"name\":\"Same format\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.primaryFormat").value(format));
    Application stored = management.application(UUID.fromString(id)).orElseThrow();
    assertThat(stored.primaryFormat()).isEqualTo(format);
    assertThat(stored.name()).isEqualTo("Same format");
  }

  @Test
  void patchSetsPlatformAndExternalOAuthAndRemovesExternalWithNull() throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String id = id(created(mvc, auth, acme.id(), "Settings"));

    patchJson(
            auth,
            id,
            """
            {"platformOAuth":{"accessTokenLifetime":"PT2H","refreshTokenLifetime":"P30D",
              "skipConsentForOwnCompany":true},
             "externalOAuth":{"clientId":"ext-client","clientSecret":"ext-secret-%s",
              "authorizationUrl":"https://auth.example.com/authorize",
              "tokenUrl":"https://auth.example.com/token","scopes":"read write"}}
            """
                .formatted(acme.tag()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.platformOAuth.accessTokenLifetime").value("PT2H"))
        .andExpect(jsonPath("$.platformOAuth.refreshTokenLifetime").value("PT720H"))
        .andExpect(jsonPath("$.platformOAuth.skipConsentForOwnCompany").value(true))
        .andExpect(jsonPath("$.externalOAuth.clientId").value("ext-client"))
        .andExpect(jsonPath("$.externalOAuth.clientSecretSet").value(true))
        .andExpect(jsonPath("$.externalOAuth.tokenUrl").value("https://auth.example.com/token"))
        .andExpect(jsonPath("$.externalOAuth.scopes").value("read write"))
        .andExpect(jsonPath("$.externalOAuth.clientSecret").doesNotExist())
        .andExpect(content().string(not(containsString("ext-secret-"))));

    // nested fields left out keep their values; refreshTokenLifetime null is "as long as the grant"
    patchJson(
            auth,
            id,
            "{\"platformOAuth\":{\"refreshTokenLifetime\":null},\"externalOAuth\":{\"scopes\":\"\"}}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.platformOAuth.accessTokenLifetime").value("PT2H"))
        .andExpect(jsonPath("$.platformOAuth.refreshTokenLifetime").isEmpty())
        .andExpect(jsonPath("$.externalOAuth.clientId").value("ext-client"))
        .andExpect(jsonPath("$.externalOAuth.clientSecretSet").value(true))
        .andExpect(jsonPath("$.externalOAuth.scopes").value(""));

    // what is not a field of the definition is ignored: ids and secrets are not the client's to set
    String clientId = management.application(UUID.fromString(id)).orElseThrow().clientId();
    patchJson(auth, id, "{\"clientId\":\"forged\",\"clientSecret\":\"mine\",\"id\":\"x\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.clientId").value(clientId))
        .andExpect(jsonPath("$.id").value(id));

    patchJson(auth, id, "{\"externalOAuth\":null}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.externalOAuth").doesNotExist());
    assertThat(oauthSettings.externalOAuth(UUID.fromString(id))).isEmpty();
  }

  @Test
  void patchWithAnyRefusedFieldChangesNothing() throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String id = id(created(mvc, auth, acme.id(), "Untouched"));

    patchJson(
            auth,
            id,
            """
            {"name":"Changed","platformOAuth":{"accessTokenLifetime":"PT1M"},
             "externalOAuth":{"clientId":"c","authorizationUrl":"http://example.com/a",
              "tokenUrl":"https://auth.example.com/token"}}
            """)
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.errors[*].field").value(hasItem("platformOAuth.accessTokenLifetime")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("externalOAuth.authorizationUrl")));
    patchJson(auth, id, "{\"platformOAuth\":{\"accessTokenLifetime\":\"two hours\"}}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("platformOAuth.accessTokenLifetime"));
    patchJson(auth, id, "{\"redirectUrls\":[\"http://example.com/cb\"],\"name\":\"Changed\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("redirectUrls[0]"));

    Application stored = management.application(UUID.fromString(id)).orElseThrow();
    assertThat(stored.name()).isEqualTo("Untouched");
    assertThat(stored.platformOAuth().accessTokenLifetime()).hasHours(1);
    assertThat(oauthSettings.externalOAuth(stored.id())).isEmpty();
  }

  @Test
  void regenerateWithOverlapKeepsPreviousSecretUntilRevoked() throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String first = created(mvc, auth, acme.id(), "Rotating");
    String id = id(first);

    Instant before = Instant.now();
    String regenerated =
        mvc.perform(
                post(APP + "/secret", id)
                    .header("Authorization", auth)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"keepPreviousFor\":\"PT1H\"}"))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(jsonPath("$.clientSecret").isNotEmpty())
            .andExpect(jsonPath("$.id").value(id))
            .andExpect(jsonPath("$.previousSecret.expiresAt").isNotEmpty())
            .andExpect(jsonPath("$.previousSecret.lastUsedAt").isEmpty())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(regenerated, "$.clientSecret"))
        .isNotEqualTo(JsonPath.<String>read(first, "$.clientSecret"));
    Instant expires = Instant.parse(JsonPath.read(regenerated, "$.previousSecret.expiresAt"));
    assertThat(expires).isBetween(before.plusSeconds(3599), Instant.now().plusSeconds(3601));

    mvc.perform(post(APP + "/secret/previous/revoke", id).header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.previousSecret").doesNotExist())
        .andExpect(jsonPath("$.clientSecret").doesNotExist());
    mvc.perform(post(APP + "/secret/previous/revoke", id).header("Authorization", auth))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/conflict"));

    mvc.perform(post(APP + "/secret", id).header("Authorization", auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.clientSecret").isNotEmpty())
        .andExpect(jsonPath("$.previousSecret").doesNotExist());
    for (String refused : List.of("PT2H", "P1D", "1h", "")) {
      mvc.perform(
              post(APP + "/secret", id)
                  .header("Authorization", auth)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"keepPreviousFor\":\"" + refused + "\"}"))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("keepPreviousFor"))
          .andExpect(content().string(not(containsString("clientSecret"))));
    }
  }

  @Test
  void registrationWhenFieldsInvalidThen422NamesEachFieldAndStoresNothing() throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    register(
            mvc,
            auth,
            acme.id(),
            """
            {"name":"<b>x</b>","primaryFormat":"Not A Format","summary":"",
             "redirectUrls":["https://*.example.com/cb"],"oauthUrl":"http://example.com",
             "scopes":[],"collaborators":["bob@example.com"]}
            """)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/invalid-input"))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("primaryFormat")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("summary")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("redirectUrls[0]")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("type")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("oauthUrl")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("scopes")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("collaborators")))
        .andExpect(content().string(not(containsString("<b>"))))
        .andExpect(content().string(not(containsString("*.example.com"))));
    assertThat(management.count(acme.id())).isZero();
  }

  @Test
  void malformedBodiesAndUnknownEnumValuesAre400NeverA500() throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String id = id(created(mvc, auth, acme.id(), "Sturdy"));

    register(mvc, auth, acme.id(), "{\"name\":")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/malformed-body"));
    register(mvc, auth, acme.id(), body("x").replace("INTEGRATED_CLOUD", "GALAXY"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("type"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("CONNECTED_DESKTOP")));
    register(mvc, auth, acme.id(), body("x").replace("\"OAuth2Read\"", "null"))
        .andExpect(status().isBadRequest());
    register(mvc, auth, acme.id(), body("x").replace("false", "\"maybe\""))
        .andExpect(status().isBadRequest());

    patchJson(auth, id, "{\"type\":\"GALAXY\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/malformed-body"))
        .andExpect(jsonPath("$.errors[0].field").value("type"));
    patchJson(auth, id, "{\"adminTeamId\":\"not-a-uuid\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("adminTeamId"));
    patchJson(auth, id, "{\"platformOAuth\":{\"skipConsentForOwnCompany\":[1]}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("platformOAuth.skipConsentForOwnCompany"));
    patchJson(auth, id, "[1,2]").andExpect(status().isBadRequest());
    patchJson(auth, id, "\"name\"").andExpect(status().isBadRequest());
    patchJson(auth, id, "{").andExpect(status().isBadRequest());
    mvc.perform(
            patch(APP, id)
                .header("Authorization", auth)
                .contentType(MediaType.TEXT_PLAIN)
                .content("name=x"))
        .andExpect(status().isUnsupportedMediaType());
    mvc.perform(get(APP, "not-a-uuid").header("Authorization", auth))
        .andExpect(status().isBadRequest());
    assertThat(management.count(acme.id())).isEqualTo(1);
    assertThat(management.application(UUID.fromString(id)).orElseThrow().name())
        .isEqualTo("Sturdy");
  }

  @Test
  void collaboratorEmailsAreShownOnlyToCredentialsWithReadPii() throws Exception {
    Company acme = fixtures.company("Acme");
    String pii = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String noPii =
        TestApiKeys.basic(
            apiKeys.issue(acme.admin(), Scope.OAuth2Read, Scope.OAuth2Write, Scope.OAuth2Delete));
    String email = "collab-" + acme.tag() + "@example.com";
    String withCollaborators =
        body("Shared")
            .replace(
                "\"supportsCollaboration\":false",
                "\"supportsCollaboration\":true,\"collaborators\":[\"" + email + "\"]");

    String json =
        register(mvc, noPii, acme.id(), withCollaborators)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.supportsCollaboration").value(true))
            .andExpect(jsonPath("$.collaborators").doesNotExist())
            .andExpect(content().string(not(containsString(email))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = id(json);
    mvc.perform(get(APP, id).header("Authorization", noPii))
        .andExpect(jsonPath("$.collaborators").doesNotExist())
        .andExpect(content().string(not(containsString(email))));
    patchJson(noPii, id, "{\"name\":\"Shared 2\"}")
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(email))));
    mvc.perform(get(APP, id).header("Authorization", pii))
        .andExpect(jsonPath("$.collaborators[0]").value(email));
  }

  @Test
  void adminKeyWithoutWriteScopeCanNotRegister() throws Exception {
    Company acme = fixtures.company("Acme");
    String readOnly = TestApiKeys.basic(apiKeys.issue(acme.admin(), Scope.OAuth2Read));
    register(mvc, readOnly, acme.id(), body("Escalation"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.requiredScope").value("OAuth2Write"));
    assertThat(management.count(acme.id())).isZero();
    mvc.perform(get(APPS, acme.id()).header("Authorization", readOnly)).andExpect(status().isOk());
  }

  @Test
  void eachMethodNeedsItsScope() throws Exception {
    Company acme = fixtures.company("Acme");
    String all = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String id = id(created(mvc, all, acme.id(), "Scoped"));
    String writeOnly = TestApiKeys.basic(apiKeys.issue(acme.admin(), Scope.OAuth2Write));
    String readWrite =
        TestApiKeys.basic(apiKeys.issue(acme.admin(), Scope.OAuth2Read, Scope.OAuth2Write));

    mvc.perform(get(APP, id).header("Authorization", writeOnly))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.requiredScope").value("OAuth2Read"));
    mvc.perform(get(APPS, acme.id()).header("Authorization", writeOnly))
        .andExpect(status().isForbidden());
    patchJson(writeOnly, id, "{\"name\":\"Allowed\"}").andExpect(status().isOk());
    mvc.perform(delete(APP, id).header("Authorization", readWrite))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.requiredScope").value("OAuth2Delete"));
    assertThat(management.application(UUID.fromString(id))).isPresent();
  }

  @Test
  void refusedRedirectUrlsAndCollaboratorsAreNamedByPositionNeverEchoed() throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String json =
        body("Positions")
            .replace(
                "[\"https://app.example.com/cb\",\"http://localhost:8080/cb\"]",
                "[\"https://app.example.com/cb\",\"http://localhost/hidden-path-q7\","
                    + "\"https://app.example.com/cb\"]")
            .replace(
                "\"supportsCollaboration\":false",
                "\"supportsCollaboration\":true,"
                    + "\"collaborators\":[\"good@example.com\",\"not-an-email-q7\"]");
    register(mvc, auth, acme.id(), json)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("redirectUrls[1]")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("redirectUrls[2]")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("collaborators[1]")))
        .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("port"))))
        .andExpect(jsonPath("$.errors[*].message").value(hasItem("is listed twice")))
        .andExpect(content().string(not(containsString("hidden-path-q7"))))
        .andExpect(content().string(not(containsString("not-an-email-q7"))));

    String id = id(created(mvc, auth, acme.id(), "Positions 2"));
    patchJson(
            auth,
            id,
            "{\"redirectUrls\":[\"https://ok.example.com/cb\",\"http://example.com/q7\"]}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("redirectUrls[1]"))
        .andExpect(content().string(not(containsString("example.com/q7"))));
  }

  @Test
  void hostileValuesInEveryFieldAnswerWithoutA5xxAndAreNeverEchoed() throws Exception {
    Company acme = fixtures.company("Acme");
    String id =
        id(created(mvc, TestApiKeys.basic(apiKeys.issue(acme.admin())), acme.id(), "Target"));
    List<String> hostile =
        List.of(
            "x".repeat(100_000),
            "a\u0000b",
            "bell\u0007\r\nnewline",
            "<script>alert('xss')</script>",
            "\"><img src=x onerror=alert(1)>",
            "\u202Eevil\u202C",
            "\uD800broken",
            "javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "' OR 1=1 --",
            "   ",
            "");
    for (String field :
        List.of("name", "primaryFormat", "summary", "redirectUrls", "oauthUrl", "collaborators")) {
      String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
      for (String value : hostile) {
        ObjectNode node = (ObjectNode) JsonMapper.shared().readTree(body("Hostile"));
        node.put("supportsCollaboration", true);
        if (field.equals("redirectUrls") || field.equals("collaborators")) {
          node.putArray(field).add(value);
        } else {
          node.put(field, value);
        }
        String json = JsonMapper.shared().writeValueAsString(node);
        for (var request :
            List.of(
                post(APPS, acme.id())
                    .header("Authorization", auth)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json),
                patch(APP, id)
                    .header("Authorization", auth)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.replace("\"primaryFormat\"", "\"ignoredFormat\"")))) {
          var response = mvc.perform(request).andReturn().getResponse();
          String answer = response.getContentAsString();
          assertThat(response.getStatus()).as("%s = %.40s", field, value).isLessThan(500);
          assertThat(answer).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>");
          assertThat(answer.length()).isLessThan(5_000);
        }
      }
    }
  }

  private ResultActions patchJson(String auth, String id, String json) throws Exception {
    return mvc.perform(
        patch(APP, id)
            .header("Authorization", auth)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }
}
