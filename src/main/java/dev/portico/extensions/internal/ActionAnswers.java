package dev.portico.extensions.internal;

import dev.portico.extensions.ActionResult;
import dev.portico.extensions.ActionResult.Kind;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an action server's answer means for the response dialog (EXT-4): JSON or a clear failure,
 * and, for a part number generator, the documented {@code {id, partNumber}} or a clear failure.
 */
public final class ActionAnswers {

  private ActionAnswers() {}

  /**
   * The answer as a result: its status and parsed JSON when its content type is {@code
   * application/json} or {@code application/*+json} and it parses; an empty 204 is accepted with
   * nothing to show; anything else is {@link Kind#NOT_JSON}.
   */
  public static ActionResult interpret(ActionHttpClient.Answer answer, JsonMapper json) {
    if (answer.status() == 204 && answer.body().length == 0) {
      return ActionResult.answered(204, null);
    }
    if (!isJson(answer.contentType())) {
      return ActionResult.failed(
          Kind.NOT_JSON,
          answer.status(),
          "The action's server answered "
              + answer.status()
              + (answer.contentType() == null ? " without a content type" : " with " + mime(answer))
              + ", not JSON.");
    }
    try {
      return ActionResult.answered(answer.status(), json.readTree(answer.body()));
    } catch (JacksonException e) {
      return ActionResult.failed(
          Kind.NOT_JSON,
          answer.status(),
          "The action's server answered " + answer.status() + " with a body that is not JSON.");
    }
  }

  /** A call that brought back nothing usable, as a result. */
  public static ActionResult failure(ActionCallFailed e) {
    Kind kind =
        switch (e.reason()) {
          case INVALID_URL -> Kind.INVALID_URL;
          case ADDRESS_REFUSED -> Kind.ADDRESS_REFUSED;
          case REDIRECT_REFUSED -> Kind.REDIRECT_REFUSED;
          case TOO_LARGE -> Kind.TOO_LARGE;
          case TIMEOUT -> Kind.TIMEOUT;
          case UNREACHABLE -> Kind.UNREACHABLE;
        };
    return ActionResult.failed(kind, String.valueOf(e.getMessage()));
  }

  /**
   * A part number generator's result: kept when it is a 2xx JSON object with string {@code id} and
   * {@code partNumber} (EXT-3a), otherwise {@link Kind#INVALID_ANSWER}; failures stay as they are.
   */
  public static ActionResult partNumber(ActionResult result) {
    if (!result.isAnswered()) {
      return result;
    }
    JsonNode answer = result.body();
    boolean valid =
        result.status() >= 200
            && result.status() < 300
            && answer != null
            && answer.path("id").isString()
            && answer.path("partNumber").isString();
    if (valid) {
      return result;
    }
    return ActionResult.failed(
        Kind.INVALID_ANSWER,
        result.status(),
        "The part number generator must answer 2xx with {\"id\": \"…\", \"partNumber\": \"…\"}"
            + " (strings); it answered "
            + result.status()
            + (answer == null ? " without a body." : " with another shape."));
  }

  static boolean isJson(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    String mime = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return mime.equals("application/json")
        || (mime.startsWith("application/") && mime.endsWith("+json"));
  }

  /** The media type without parameters, cut short: it is the remote server's text. */
  private static String mime(ActionHttpClient.Answer answer) {
    String contentType = String.valueOf(answer.contentType());
    String mime = contentType.split(";", 2)[0].strip();
    return mime.length() > 60 ? mime.substring(0, 60) + "…" : mime;
  }
}
