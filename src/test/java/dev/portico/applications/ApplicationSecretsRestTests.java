package dev.portico.applications;

import static dev.portico.applications.RestApplications.created;
import static dev.portico.applications.RestApplications.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.portico.applications.internal.ClientSecrets;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The client secret is shown once (APP-3): after the create or regenerate response that carries it,
 * neither the current nor the previous secret appears in any response, in the audit trail (AUD-1:
 * read from the raw rows) or in the log; nor does the External OAuth secret (APP-6).
 */
@PorticoTest
@ExtendWith(OutputCaptureExtension.class)
class ApplicationSecretsRestTests {

  private static final String APP = "/api/developer/applications/{id}";

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired JdbcClient jdbc;

  @Test
  void secretsAppearOnlyInTheResponseThatIssuedThem(CapturedOutput output) throws Exception {
    Company acme = fixtures.company("Acme");
    String auth = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String creation = created(mvc, auth, acme.id(), "Secretive");
    String id = id(creation);
    String first = JsonPath.read(creation, "$.clientSecret");
    String external = "ext-secret-" + UUID.randomUUID();
    List<String> answers = new ArrayList<>();

    answers.addAll(readEverything(auth, acme.id(), id));
    answers.add(
        answer(
            patch(APP, id)
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"name":"Secretive 2","externalOAuth":{"clientId":"ext",
                     "clientSecret":"%s","authorizationUrl":"https://auth.example.com/a",
                     "tokenUrl":"https://auth.example.com/t"}}
                    """
                        .formatted(external)),
            200));
    String regeneration =
        answer(
            post(APP + "/secret", id)
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"keepPreviousFor\":\"P7D\"}"),
            200);
    String second = JsonPath.read(regeneration, "$.clientSecret");
    assertThat(regeneration).doesNotContain(first).doesNotContain(external);
    answers.addAll(readEverything(auth, acme.id(), id));
    answers.add(
        answer(
            patch(APP, id)
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"summary\":\"Still secret\"}"),
            200));
    answers.add(
        answer(post(APP + "/secret/previous/revoke", id).header("Authorization", auth), 200));
    answers.add(
        answer(post(APP + "/secret/previous/revoke", id).header("Authorization", auth), 409));
    answers.addAll(readEverything(auth, acme.id(), id));

    List<String> secrets =
        List.of(first, second, external, ClientSecrets.hash(first), ClientSecrets.hash(second));
    assertThat(answers).hasSizeGreaterThan(8);
    for (String answer : answers) {
      for (String secret : secrets) {
        assertThat(answer).doesNotContain(secret);
      }
      assertThat(answer).doesNotContain("clientSecret\"");
    }

    List<String> auditRows =
        jdbc.sql(
                "select action || '|' || target || '|' || coalesce(cast(diff as varchar), '')"
                    + " from aud_entry where account_id = :account")
            .param("account", acme.id())
            .query(String.class)
            .list();
    assertThat(auditRows)
        .as("registered, updated, regenerated and revoked are recorded")
        .anyMatch(r -> r.startsWith("application.registered|"))
        .anyMatch(r -> r.startsWith("application.updated|"))
        .anyMatch(r -> r.contains("externalOAuth.clientSecret"))
        .anyMatch(r -> r.startsWith("application.secret"));
    for (String row : auditRows) {
      for (String secret : secrets) {
        assertThat(row).doesNotContain(secret);
      }
    }

    // the capture is live (the refused second revoke is logged), and holds no secret
    assertThat(output.getAll()).contains("REST request refused: 409");
    for (String secret : secrets) {
      assertThat(output.getAll()).doesNotContain(secret);
    }
  }

  private List<String> readEverything(String auth, Object accountId, String id) throws Exception {
    return List.of(
        answer(get(APP, id).header("Authorization", auth), 200),
        answer(
            get("/api/developer/accounts/{a}/applications", accountId)
                .header("Authorization", auth),
            200));
  }

  private String answer(RequestBuilder request, int expected) throws Exception {
    return mvc.perform(request)
        .andExpect(status().is(expected))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
