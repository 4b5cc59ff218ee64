package dev.portico.applications;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Registrations over REST for the applications' REST tests: bodies and a create shortcut. */
final class RestApplications {

  private RestApplications() {}

  /** A valid registration body whose primary format is unique to this call. */
  static String body(String name) {
    return body(name, "com.example.t" + UUID.randomUUID().toString().replace("-", ""));
  }

  static String body(String name, String primaryFormat) {
    return """
        {"name":"%s","primaryFormat":"%s","summary":"Reads your parts lists",
         "redirectUrls":["https://app.example.com/cb","http://localhost:8080/cb"],
         "type":"INTEGRATED_CLOUD","oauthUrl":"https://app.example.com/start",
         "supportsCollaboration":false,"scopes":["OAuth2Read","OAuth2Write"]}
        """
        .formatted(name, primaryFormat);
  }

  static ResultActions register(MockMvc mvc, String auth, Object accountId, String body)
      throws Exception {
    return mvc.perform(
        post("/api/developer/accounts/{id}/applications", accountId)
            .header("Authorization", auth)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  /** Registers an app and answers the create response's JSON. */
  static String created(MockMvc mvc, String auth, Object accountId, String name) throws Exception {
    return register(mvc, auth, accountId, body(name))
        .andExpect(status().isCreated())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  static String id(String json) {
    return JsonPath.read(json, "$.id");
  }
}
