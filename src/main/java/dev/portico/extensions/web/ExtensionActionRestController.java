package dev.portico.extensions.web;

import dev.portico.accounts.User;
import dev.portico.extensions.ActionResult;
import dev.portico.extensions.ExtensionActions;
import dev.portico.extensions.PartNumberRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs an extension's action for a console session that asks for JSON (EXT-4), and asks a part
 * number generator for a number (EXT-3a). An answer is {@code {"status": n, "body": {...}}}; a
 * failure is RFC 9457 problem details with a stable type per {@link ActionResult.Kind} (502 for
 * what the action's server did, 504 for a timeout, 403 when External access must be granted first,
 * 409 for an extension Portico does not call).
 */
@RestController
class ExtensionActionRestController {

  static final String TYPE_BASE = "https://portico.dev/problems/extension-action-";

  private final ExtensionActions actions;

  ExtensionActionRestController(ExtensionActions actions) {
    Assert.notNull(actions, "actions cannot be null");
    this.actions = actions;
  }

  @PostMapping(path = "/extensions/{extId}/run", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> runAction(
      User me, @PathVariable UUID extId, @RequestParam MultiValueMap<String, String> params) {
    return answer(actions.run(me, extId, ActionContextParams.of(params)));
  }

  @PostMapping(
      path = "/extensions/{extId}/part-number",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> generatePartNumber(
      User me, @PathVariable UUID extId, @RequestBody PartNumberRequest request) {
    return answer(actions.generatePartNumber(me, extId, request));
  }

  private static ResponseEntity<?> answer(ActionResult result) {
    ActionResult.Failure failure = result.failure();
    if (failure == null) {
      Map<String, @Nullable Object> body = new LinkedHashMap<>();
      body.put("status", result.status());
      body.put("body", result.body());
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
    HttpStatus status = statusOf(failure.kind());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, failure.message());
    problem.setType(URI.create(TYPE_BASE + slug(failure.kind())));
    problem.setTitle(title(failure.kind()));
    if (result.status() > 0) {
      problem.setProperty("upstreamStatus", result.status());
    }
    if (failure.grantPath() != null) {
      problem.setProperty("grantPath", failure.grantPath());
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static HttpStatus statusOf(ActionResult.Kind kind) {
    return switch (kind) {
      case NOT_CALLED_BY_PORTICO -> HttpStatus.CONFLICT;
      case GRANT_REQUIRED -> HttpStatus.FORBIDDEN;
      case INVALID_CONTEXT -> HttpStatus.UNPROCESSABLE_CONTENT;
      case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
      case INVALID_URL,
          ADDRESS_REFUSED,
          REDIRECT_REFUSED,
          TOO_LARGE,
          UNREACHABLE,
          NOT_JSON,
          INVALID_ANSWER ->
          HttpStatus.BAD_GATEWAY;
    };
  }

  private static String slug(ActionResult.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String title(ActionResult.Kind kind) {
    String words = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
