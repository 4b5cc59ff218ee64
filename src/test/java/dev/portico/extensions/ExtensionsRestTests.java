package dev.portico.extensions;

import static dev.portico.extensions.ExtensionDrafts.app;
import static dev.portico.extensions.ExtensionDrafts.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.portico.applications.Application;
import dev.portico.applications.ConsoleAppFixtures;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Extensions over REST (SPEC §13): the body {@code {id, name, description, location, context,
 * actionUrl, actionType, actionBody, showResponse, iconUrl}}, lists {@code {items, page, size,
 * total}}, PATCH changing only the fields given, the icon as a multipart part or a {@code data:}
 * URL, and 422 problem details naming every refused field.
 */
@PorticoTest
class ExtensionsRestTests {

  private static final String PANEL =
      """
      {"name": "Parts panel", "description": "Lists the parts", "location": "ELEMENT_RIGHT_PANEL",
       "context": "PART", "actionUrl": "https://app.example.com/panel?d={$documentId}"}
      """;

  @Autowired MockMvc mvc;
  @Autowired TestAccounts fixtures;
  @Autowired TestApiKeys apiKeys;
  @Autowired ConsoleAppFixtures apps;
  @Autowired ExtensionManagement extensions;

  @Test
  void extensionIsAddedReadListedChangedAndRemoved() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    String key = TestApiKeys.basic(apiKeys.issue(acme.admin()));

    String created =
        send(post(list(app)), key, PANEL)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.name").value("Parts panel"))
            .andExpect(jsonPath("$.location").value("ELEMENT_RIGHT_PANEL"))
            .andExpect(jsonPath("$.context").value("PART"))
            .andExpect(jsonPath("$.actionType").value(Matchers.nullValue()))
            .andExpect(jsonPath("$.showResponse").value(false))
            .andExpect(jsonPath("$.iconUrl").value(Matchers.nullValue()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(created, "$.id");
    mvc.perform(get(list(app) + "/" + id).header("Authorization", key))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.description").value("Lists the parts"));
    mvc.perform(get(list(app)).header("Authorization", key))
        .andExpect(jsonPath("$.items[0].id").value(id))
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(25))
        .andExpect(jsonPath("$.total").value(1));

    send(patch(list(app) + "/" + id), key, "{\"name\": \"Renamed\", \"description\": null}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Renamed"))
        .andExpect(jsonPath("$.description").value(Matchers.nullValue()))
        .andExpect(jsonPath("$.context").value("PART"))
        .andExpect(jsonPath("$.actionUrl").value("https://app.example.com/panel?d={$documentId}"));

    mvc.perform(delete(list(app) + "/" + id).header("Authorization", key))
        .andExpect(status().isNoContent());
    mvc.perform(get(list(app) + "/" + id).header("Authorization", key))
        .andExpect(status().isNotFound());
  }

  @Test
  void createAnswersTheLocationOfTheNewExtension() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    String key = TestApiKeys.basic(apiKeys.issue(acme.admin()));

    String body =
        send(post(list(app)), key, PANEL)
            .andExpect(header().string("Location", Matchers.startsWith(list(app) + "/")))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(extensions.extensions(app.id()))
        .extracting(e -> e.id().toString())
        .containsExactly(JsonPath.<String>read(body, "$.id"));
  }

  @Test
  void everyRefusedFieldIsA422ProblemAndNothingIsStored() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    String key = TestApiKeys.basic(apiKeys.issue(acme.admin()));

    String problem =
        send(
                post(list(app)),
                key,
                """
                {"name": "", "location": "ELEMENT_RIGHT_PANEL", "context": "DRAWING",
                 "actionUrl": "https://app.example.com/{$foo}", "actionType": "GET",
                 "actionBody": "{}", "showResponse": true}
                """)
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://portico.dev/problems/invalid-input"))
            .andExpect(jsonPath("$.status").value(422))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].field"))
        .containsExactlyInAnyOrder(
            "name", "context", "actionType", "actionUrl", "actionBody", "showResponse");
    assertThat(JsonPath.<List<String>>read(problem, "$.errors[?(@.field == 'context')].message"))
        .containsExactly("Drawing is not a context of Element right panel");
    assertThat(JsonPath.<List<String>>read(problem, "$.errors[?(@.field == 'actionUrl')].message"))
        .containsExactly("unknown attribute {$foo}");
    assertThat(extensions.extensions(app.id())).isEmpty();
  }

  @Test
  void unknownLocationIsAMalformedBodyNamingTheField() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    String key = TestApiKeys.basic(apiKeys.issue(acme.admin()));

    send(post(list(app)), key, "{\"name\": \"X\", \"location\": \"TOOLBAR\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("location"));
    send(post(list(app)), key, "[1, 2]").andExpect(status().isBadRequest());
  }

  @Test
  void secondElementTabIsA422OnLocation() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    String key = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String tab =
        "{\"name\": \"Tab\", \"location\": \"ELEMENT_TAB\", \"actionUrl\": \"https://a.example.com/\"}";
    send(post(list(app)), key, tab).andExpect(status().isCreated());

    send(post(list(app)), key, tab)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("location"))
        .andExpect(
            jsonPath("$.errors[0].message").value("this app already has an element tab extension"));
  }

  @Test
  void iconIsTakenAsADataUrlOrAMultipartPartAndRemovedWithNull() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    String key = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(png());

    String json =
        send(
                post(list(app)),
                key,
                "{\"name\": \"Tab\", \"location\": \"ELEMENT_TAB\","
                    + " \"actionUrl\": \"https://a.example.com/\", \"icon\": \""
                    + dataUrl
                    + "\"}")
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(json, "$.id");
    assertThat(JsonPath.<String>read(json, "$.iconUrl")).isEqualTo("/extensions/" + id + "/icon");
    send(patch(list(app) + "/" + id), key, "{\"icon\": null}")
        .andExpect(jsonPath("$.iconUrl").value(Matchers.nullValue()));

    mvc.perform(
            multipart(list(app))
                .file(new MockMultipartFile("icon", "i.png", "image/png", png()))
                .param("name", "Menu")
                .param("location", "TREE_CONTEXT_MENU")
                .param("context", "PART")
                .param("actionUrl", "https://a.example.com/m?p={$partId}")
                .param("actionType", "OPEN_IN_NEW_WINDOW")
                .header("Authorization", key))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.iconUrl").value(Matchers.startsWith("/extensions/")))
        .andExpect(jsonPath("$.actionType").value("OPEN_IN_NEW_WINDOW"));
  }

  @Test
  void iconInAnyOtherFormIsRefusedAtIcon() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    String key = TestApiKeys.basic(apiKeys.issue(acme.admin()));

    for (String icon :
        List.of(
            "https://cdn.example.com/icon.png",
            "data:image/png,notbase64",
            "data:image/png;base64,@@@",
            "data:image/png;base64,"
                + Base64.getEncoder().encodeToString("GIF89a...".getBytes()))) {
      send(
              post(list(app)),
              key,
              "{\"name\": \"Tab\", \"location\": \"ELEMENT_TAB\","
                  + " \"actionUrl\": \"https://a.example.com/\", \"icon\": \""
                  + icon
                  + "\"}")
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("icon")));
    }
    assertThat(extensions.extensions(app.id())).isEmpty();
  }

  @Test
  void patchIsCheckedAsAWholeAndChangesNothingWhenRefused() throws Exception {
    Company acme = fixtures.company("Acme");
    Application app = app(apps, acme.admin(), acme.id());
    String key = TestApiKeys.basic(apiKeys.issue(acme.admin()));
    String id =
        JsonPath.read(
            send(post(list(app)), key, PANEL).andReturn().getResponse().getContentAsString(),
            "$.id");

    send(
            patch(list(app) + "/" + id),
            key,
            "{\"name\": \"New\", \"location\": \"TREE_CONTEXT_MENU\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("actionType")));

    assertThat(extensions.extension(app, UUID.fromString(id)).name()).isEqualTo("Parts panel");
  }

  private static String list(Application app) {
    return "/api/developer/applications/" + app.id() + "/extensions";
  }

  private ResultActions send(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String key,
      String json)
      throws Exception {
    return mvc.perform(
        request.header("Authorization", key).contentType(MediaType.APPLICATION_JSON).content(json));
  }
}
