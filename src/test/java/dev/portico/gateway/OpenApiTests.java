package dev.portico.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.portico.support.PorticoTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI description of the REST API (SPEC §13), readable without an API credential. */
@PorticoTest
class OpenApiTests {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  @Autowired MockMvc mvc;

  /**
   * Every operation has a summary and documents at least one 4xx problem response, the two things a
   * client generator and Redocly's recommended rules need. Writes the document as served to {@code
   * target/openapi.json}, where {@code .ci/run} lints it.
   */
  @Test
  void everyOperationHasASummaryAndItsProblemResponses() throws Exception {
    String json = apiDocs();
    Path out = Path.of("target", "openapi.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, json, StandardCharsets.UTF_8);

    JsonNode doc = JsonMapper.shared().readTree(json);
    List<String> missingSummary = new ArrayList<>();
    List<String> missing4xx = new ArrayList<>();
    List<String> missing2xx = new ArrayList<>();
    List<String> wrongShape = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        operations++;
        String name = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
        JsonNode summary = op.getValue().get("summary");
        if (summary == null || summary.asString().isBlank()) {
          missingSummary.add(name);
        }
        boolean has2xx = false;
        boolean has4xx = false;
        for (Map.Entry<String, JsonNode> response : op.getValue().get("responses").properties()) {
          String code = response.getKey();
          has2xx |= code.startsWith("2");
          has4xx |= code.startsWith("4");
          for (String type : response.getValue().path("content").propertyNames()) {
            String shape =
                response
                    .getValue()
                    .path("content")
                    .path(type)
                    .path("schema")
                    .path("$ref")
                    .asString();
            if (code.startsWith("4")) {
              boolean gateway = Set.of("401", "403", "429").contains(code);
              if (!type.equals(gateway ? "application/json" : "application/problem+json")
                  || !shape.endsWith(gateway ? "/ApiError" : "/Problem")) {
                wrongShape.add(name + " " + code + " " + type + " " + shape);
              }
            } else if (!type.equals("application/json")) {
              wrongShape.add(name + " " + code + " " + type);
            }
          }
        }
        if (!has2xx) {
          missing2xx.add(name);
        }
        if (!has4xx) {
          missing4xx.add(name);
        }
      }
    }
    assertThat(operations).isGreaterThan(10);
    assertThat(missingSummary).as("operations without summary").isEmpty();
    assertThat(missing4xx).as("operations without a 4xx response").isEmpty();
    assertThat(missing2xx).as("operations without a 2xx response").isEmpty();
    assertThat(wrongShape).as("responses whose media type or schema is not the server's").isEmpty();
    assertThat(doc.at("/components/schemas/Problem/properties/errors/items/$ref").asString())
        .endsWith("/FieldError");
    assertThat(doc.at("/paths/~1api~1users~1sessioninfo/get/responses/403").isMissingNode())
        .as("sessioninfo needs no scope")
        .isTrue();
    assertThat(
            doc.at("/paths/~1api~1accounts~1{accountId}~1users~1{userId}/delete/responses/409")
                .isMissingNode())
        .isFalse();
    assertThat(doc.at("/info/license/name").asString()).isEqualTo("Apache-2.0");
  }

  @Test
  void apiDocsListTheRestPathsWithoutCredential() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.openapi").value(startsWith("3.1")))
        .andExpect(jsonPath("$.info.title").value("Portico"))
        .andExpect(jsonPath("$.info.version").isNotEmpty())
        .andExpect(jsonPath("$.paths['/api/accounts'].post").exists())
        .andExpect(jsonPath("$.paths['/api/accounts'].get").exists())
        .andExpect(jsonPath("$.paths['/api/accounts/{accountId}'].patch").exists())
        .andExpect(jsonPath("$.paths['/api/accounts/{accountId}/users'].post").exists())
        .andExpect(jsonPath("$.paths['/api/accounts/{accountId}/users/{userId}'].delete").exists())
        .andExpect(jsonPath("$.paths['/api/accounts/{accountId}/teams/{teamId}'].patch").exists())
        .andExpect(jsonPath("$.paths['/api/accounts/{accountId}/aliases/{aliasId}'].get").exists())
        .andExpect(
            jsonPath("$.paths['/api/developer/accounts/{accountId}/api-keys'].post").exists())
        .andExpect(jsonPath("$.paths['/api/developer/api-keys/{keyId}'].delete").exists())
        .andExpect(
            jsonPath(
                    "$.paths['/api/developer/accounts/{accountId}/api-keys'].post.responses['201']")
                .exists())
        .andExpect(
            jsonPath("$.paths['/api/developer/api-keys/{keyId}'].delete.responses['204']").exists())
        .andExpect(jsonPath("$.tags[*].name").value(hasItem("API keys")))
        .andExpect(jsonPath("$.tags[*].name").value(hasItem("Teams")));
  }

  @Test
  void apiDocsDescribeBothApiKeyCredentialsAndTheScopeOfEachOperation() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.components.securitySchemes.basicApiKey.scheme").value("basic"))
        .andExpect(jsonPath("$.components.securitySchemes.signedApiKey.type").value("apiKey"))
        .andExpect(jsonPath("$.components.securitySchemes.signedApiKey.in").value("header"))
        .andExpect(
            jsonPath("$.components.securitySchemes.signedApiKey.name").value("Authorization"))
        .andExpect(
            jsonPath("$.components.securitySchemes.signedApiKey.description")
                .value(containsString("HmacSHA256")))
        .andExpect(
            jsonPath("$.paths['/api/developer/api-keys/{keyId}'].delete.description")
                .value(containsString("OAuth2Delete")))
        .andExpect(jsonPath("$.paths['/api/accounts'].post.security[*].signedApiKey").exists())
        .andExpect(
            jsonPath("$.paths['/api/accounts/{accountId}'].get.parameters[0].schema.type")
                .value("string"));
  }

  @Test
  void apiDocsNameEachTagOnce() throws Exception {
    String json = apiDocs();
    List<String> tags = new ArrayList<>();
    JsonMapper.shared()
        .readTree(json)
        .get("tags")
        .forEach(tag -> tags.add(tag.get("name").asString()));
    assertThat(tags).isNotEmpty().doesNotHaveDuplicates();
  }

  private String apiDocs() throws Exception {
    return mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void apiDocsDoNotTakeTheCallerAsAParameter() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("\"caller\""))));
  }

  @Test
  void swaggerUiIsReachableWithoutCredential() throws Exception {
    mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/swagger-ui/index.html"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
        .andExpect(header().string("X-Frame-Options", "DENY"));
    mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isOk());
  }

  @Test
  void onlySwaggerUiPagesMayApplyTheHashedLogoStyle() throws Exception {
    mvc.perform(get("/swagger-ui/index.html"))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    containsString(
                        "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';")))
        .andExpect(
            header().string("Content-Security-Policy", not(containsString("unsafe-inline"))));
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Security-Policy", containsString("style-src 'self';")))
        .andExpect(header().string("Content-Security-Policy", not(containsString("sha256"))));
  }
}
