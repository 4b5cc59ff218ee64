package dev.portico.extensions.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's own extension pages (§15, issue 10 item 8): what the Acme Parts Inspector demo app's
 * extensions point at, so a newcomer sees one work at once without a server of their own. A right
 * panel page that shows the query parameters it got, and an action that echoes its body as JSON.
 *
 * <p>Only in demo mode ({@code portico.demo=true}; otherwise these paths do not exist). They are
 * reached without a session (a sandboxed frame sends none, and Portico calls the action from the
 * server), through their own security chain ({@code DemoExtensionPagesSecurityConfiguration}),
 * which sends {@code frame-ancestors 'self'} and {@code X-Frame-Options: SAMEORIGIN}: only Portico
 * may frame the panel. What they show is escaped; they store nothing.
 */
@Controller
@ConditionalOnBooleanProperty("portico.demo")
class DemoExtensionPages {

  /** At most this many query parameters are shown; a demo page needs no more. */
  static final int MAX_PARAMETERS = 50;

  private static final JsonMapper JSON = JsonMapper.shared();

  private final Clock clock;

  DemoExtensionPages(Clock clock) {
    Assert.notNull(clock, "clock cannot be null");
    this.clock = clock;
  }

  @GetMapping("/demo/extensions/panel")
  String showPanel(@RequestParam MultiValueMap<String, String> query, Model model) {
    Map<String, String> shown = new LinkedHashMap<>();
    query.forEach(
        (name, values) -> {
          if (shown.size() < MAX_PARAMETERS) {
            shown.put(name, String.join(", ", values));
          }
        });
    model.addAttribute("parameters", shown);
    model.addAttribute("documentId", query.getFirst("documentId"));
    model.addAttribute("partNumber", query.getFirst("partNumber"));
    return "extensions/demo-panel";
  }

  @PostMapping(path = "/demo/extensions/action", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> runAction(
      @RequestParam MultiValueMap<String, String> query,
      @RequestBody(required = false) @Nullable String body) {
    Map<String, Object> answer = new LinkedHashMap<>();
    Object received = received(body);
    String documentId =
        received instanceof JsonNode json && json.path("documentId").isString()
            ? json.path("documentId").asString()
            : query.getFirst("documentId");
    answer.put(
        "message",
        documentId == null || documentId.isBlank()
            ? "Acme Parts Inspector received your action."
            : "Acme Parts Inspector inspected document " + documentId + ".");
    answer.put("received", received);
    Map<String, List<String>> parameters = new LinkedHashMap<>(query);
    answer.put("query", parameters);
    answer.put("at", clock.instant().toString());
    return answer;
  }

  /** The body as JSON when it is JSON, else as the text it is (or null when there is none). */
  private static @Nullable Object received(@Nullable String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return body;
    }
  }
}
