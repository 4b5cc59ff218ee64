package dev.portico.gateway;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI description of the REST API (SPEC §13), readable without an API credential. */
@PorticoTest
class OpenApiTests {

  @Autowired MockMvc mvc;

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
