package dev.portico.system;

import static dev.portico.support.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.accounts.Group;
import dev.portico.accounts.GroupKind;
import dev.portico.accounts.GroupManagement;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The REST error format (SPEC §13, §14): RFC 9457 problem details for every bad request. */
@PorticoTest
class ProblemDetailsRestTests {

  private static final ResultPage.Request ALL =
      new ResultPage.Request(0, ResultPage.Request.MAX_SIZE);

  private static final int MIB = 1024 * 1024;

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired GroupManagement groupManagement;
  @LocalServerPort int port;

  @Test
  void wrongContentTypeAnswers415Problem() throws Exception {
    Company acme = fixtures.company("Acme");
    mvc.perform(
            post("/api/accounts/{id}/teams", acme.id())
                .header("Authorization", TestApiKeys.basic(apiKeys.issue(acme.admin())))
                .contentType(MediaType.TEXT_PLAIN)
                .content("name=Engineering"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(415))
        .andExpect(jsonPath("$.type").isNotEmpty())
        .andExpect(jsonPath("$.title").isNotEmpty())
        .andExpect(jsonPath("$.detail").isNotEmpty());
    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void bodyDeclaredOverOneMebibyteAnswers413ProblemAndStoresNothing() throws Exception {
    Company acme = fixtures.company("Acme");
    mvc.perform(
            post("/api/accounts/{id}/teams", acme.id())
                .header("Authorization", TestApiKeys.basic(apiKeys.issue(acme.admin())))
                .contentType(MediaType.APPLICATION_JSON)
                .content(teamNamed("x".repeat(MIB + 1))))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/payload-too-large"))
        .andExpect(jsonPath("$.status").value(413))
        .andExpect(jsonPath("$.detail").value(containsString("1 MiB")));
    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void chunkedBodyOverOneMebibyteAnswers413ProblemOverRealHttp() throws Exception {
    Company acme = fixtures.company("Acme");
    byte[] body = teamNamed("y".repeat(2 * MIB)).getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/accounts/" + acme.id() + "/teams"))
            .header("Authorization", TestApiKeys.basic(apiKeys.issue(acme.admin())))
            .header("Content-Type", "application/json")
            // No length known up front: sent chunked, so only reading can find the size.
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("payload-too-large");
    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
  }

  @Test
  void unknownApiPathAnswers404Problem() throws Exception {
    Company acme = fixtures.company("Acme");
    mvc.perform(
            get("/api/no/such/thing")
                .header("Authorization", TestApiKeys.basic(apiKeys.issue(acme.admin())))
                .accept("application/vnd.onshape.v1+json"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://portico.dev/problems/not-found"))
        .andExpect(jsonPath("$.title").value("Not found"))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("There is no such API path."));
  }

  @Test
  void unsupportedMethodOnApiPathAnswers405Problem() throws Exception {
    Company acme = fixtures.company("Acme");
    mvc.perform(
            put("/api/accounts")
                .header("Authorization", TestApiKeys.basic(apiKeys.issue(acme.admin())))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(header().string("Allow", containsString("POST")))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(405))
        .andExpect(jsonPath("$.detail").isNotEmpty());
  }

  @Test
  void unknownConsolePathKeepsTheConsoleErrorPage() throws Exception {
    Company acme = fixtures.company("Acme");
    mvc.perform(get("/no/such/page").with(as(acme.admin())).accept(MediaType.TEXT_HTML))
        .andExpect(status().isNotFound())
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("problems/"))));
  }

  /**
   * Unknown fields do not refuse the request, and they change nothing either: not even fields the
   * server owns, such as a chosen {@code id} or another company's {@code accountId}.
   */
  @Test
  void unknownFieldsAreIgnoredAndChangeNothing() throws Exception {
    Company acme = fixtures.company("Acme");
    Company globex = fixtures.company("Globex");
    UUID chosen = UUID.randomUUID();
    mvc.perform(
            post("/api/accounts/{id}/teams", acme.id())
                .header("Authorization", TestApiKeys.basic(apiKeys.issue(acme.admin())))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"name":"Design","colour":"red","id":"%s","accountId":"%s"}
                    """
                        .formatted(chosen, globex.id())))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.name").value("Design"))
        .andExpect(jsonPath("$.id").value(not(chosen.toString())));
    assertThat(
            groupManagement
                .groups(GroupKind.TEAM, acme.id(), new ResultPage.Request(0, 10))
                .items())
        .extracting(Group::name)
        .containsExactly("Design");
    assertThat(groupManagement.count(GroupKind.TEAM, globex.id())).isZero();
  }

  @Test
  void jsonThatIsNotAnObjectAnswers400Problem() throws Exception {
    Company acme = fixtures.company("Acme");
    mvc.perform(
            post("/api/accounts/{id}/teams", acme.id())
                .header("Authorization", TestApiKeys.basic(apiKeys.issue(acme.admin())))
                .contentType(MediaType.APPLICATION_JSON)
                .content("[1,2,3]"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400));
    mvc.perform(
            post("/api/accounts/{id}/teams", acme.id())
                .header("Authorization", TestApiKeys.basic(apiKeys.issue(acme.admin())))
                .contentType(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(groupManagement.groups(GroupKind.TEAM, acme.id(), ALL).items()).isEmpty();
  }

  private static String teamNamed(String name) {
    return "{\"name\":\"" + name + "\"}";
  }
}
