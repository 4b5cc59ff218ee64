package dev.portico.extensions;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What came back from running an extension's action (EXT-4), for the response dialog: either the
 * server's answer (its status and JSON body, whatever the status) or a {@link Failure} saying
 * clearly why there is none. Never an exception: a broken action server is the app developer's
 * problem, not a 500 of Portico's.
 *
 * @param status the action server's HTTP status; 0 when no answer came back
 * @param body the answer's JSON; null for a failure or an empty 204 answer
 * @param failure why there is no usable answer; null when there is one
 */
public record ActionResult(int status, @Nullable JsonNode body, @Nullable Failure failure) {

  /** The server answered with JSON (or with an empty 204). */
  public static ActionResult answered(int status, @Nullable JsonNode body) {
    return new ActionResult(status, body, null);
  }

  public static ActionResult failed(Kind kind, String message) {
    return new ActionResult(0, null, new Failure(kind, message, null));
  }

  public static ActionResult failed(Kind kind, int status, String message) {
    return new ActionResult(status, null, new Failure(kind, message, null));
  }

  /** The app calls its server with External OAuth, and the user has not granted it yet. */
  public static ActionResult grantRequired(String grantPath) {
    return new ActionResult(
        0,
        null,
        new Failure(
            Kind.GRANT_REQUIRED,
            "This action calls the app's server as you: grant External access first.",
            grantPath));
  }

  public boolean isAnswered() {
    return failure == null;
  }

  /** The body as indented JSON for the dialog (escaped by the template, never raw HTML). */
  public String prettyBody() {
    return body == null ? "" : body.toPrettyString();
  }

  /**
   * Why an action brought back no usable answer.
   *
   * @param grantPath where the user grants External access, for {@link Kind#GRANT_REQUIRED}
   */
  public record Failure(Kind kind, String message, @Nullable String grantPath) {}

  /** The kinds of failure, each a stable problem type on the REST surface. */
  public enum Kind {
    /** Embedded pages and Open in new window are opened by the browser, not called by Portico. */
    NOT_CALLED_BY_PORTICO,
    /** External OAuth is configured and the user has no token for it. */
    GRANT_REQUIRED,
    /** The action URL (as resolved) is not a valid action URL. */
    INVALID_URL,
    /** The host resolved to a loopback, private or link-local address (SSRF). */
    ADDRESS_REFUSED,
    /** A redirect to another host, off https, or too many. */
    REDIRECT_REFUSED,
    /** The answer was over the size limit. */
    TOO_LARGE,
    /** No answer within the timeout. */
    TIMEOUT,
    /** The server could not be reached. */
    UNREACHABLE,
    /** The answer is not JSON (by its content type, or it does not parse). */
    NOT_JSON,
    /** The answer is JSON but not the documented shape (a part number generator's). */
    INVALID_ANSWER,
    /** A context value given for the run breaks a rule (too long); nothing was called. */
    INVALID_CONTEXT
  }
}
