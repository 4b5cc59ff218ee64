package dev.portico.system;

import java.net.URI;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one error format of the REST surface: RFC 9457 problem details with a stable {@code type} per
 * problem and, for validation, {@code errors[]} of {@code {field, message}}. Input is never echoed
 * back: a field error names the field and the rule, not the value. {@link ApiPathAdvice} gives the
 * same shape to {@code /api/**} requests that no controller took.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a>
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  static final String TYPE_BASE = "https://portico.dev/problems/";

  static final String DUPLICATE_DETAIL =
      "Another request created the same email, domain or name at the same moment. Nothing was"
          + " changed: look again and retry.";

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> invalidInput(InvalidInput ex) {
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "invalid-input",
            "Invalid input",
            "One or more fields are invalid.");
    problem.setProperty("errors", errors(ex.violations()));
    return answer(problem, ex);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notFound(NotFound ex) {
    return answer(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()), ex);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> forbidden(Forbidden ex) {
    return answer(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ex.getMessage()), ex);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> conflict(Conflict ex) {
    return answer(problem(HttpStatus.CONFLICT, "conflict", "Conflict", ex.getMessage()), ex);
  }

  /**
   * Two requests creating the same unique thing at the same moment (an email, a stack domain, a
   * name): both passed the check, the database's unique key let one through, and the other lands
   * here — a 409, never a 500 (DESIGN "Who can act for whom"). The database's message is neither
   * answered nor logged: it names the constraint and the value, possibly another tenant's.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
    log.warn("REST request refused: 409 concurrent duplicate of a unique value");
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(HttpStatus.CONFLICT, "conflict", "Conflict", DUPLICATE_DETAIL));
  }

  /**
   * Anything else: an exception annotated with {@link ResponseStatus} gets that status; security
   * exceptions go on to Spring Security (401/403); a disconnected client gets nothing; the rest is
   * a 500 problem that tells nothing of the failure (the log has it).
   */
  @ExceptionHandler
  @Nullable ResponseEntity<ProblemDetail> unexpected(Exception ex) throws Exception {
    if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
      throw ex;
    }
    if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
      return null;
    }
    ResponseStatus declared =
        AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
    if (declared != null && declared.code().is4xxClientError()) {
      String reason = declared.reason().isEmpty() ? null : declared.reason();
      return answer(
          problem(declared.code(), "bad-request", declared.code().getReasonPhrase(), reason), ex);
    }
    log.error("REST request failed", ex);
    ProblemDetail problem =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Internal error",
            "The request could not be completed. Nothing was changed.");
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * A body that is not JSON, is too large, or has a value of the wrong type: an unknown enum
   * constant, a malformed UUID or date. Type errors name the field and what it must be.
   */
  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (causeOf(ex, RequestBodyLimitFilter.BodyTooLarge.class) instanceof Exception tooLarge) {
      ProblemDetail problem =
          problem(
              HttpStatus.CONTENT_TOO_LARGE,
              "payload-too-large",
              "Payload too large",
              tooLarge.getMessage());
      return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body", null);
    if (causeOf(ex, MismatchedInputException.class) instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      problem.setDetail("One or more fields have a value of the wrong type.");
      problem.setProperty(
          "errors",
          errors(List.of(new InvalidInput.FieldViolation(path(mismatch), expectation(mismatch)))));
    } else {
      problem.setDetail("The request body must be a JSON document of the documented shape.");
    }
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  /** A path or query parameter that does not convert: named, never echoed. */
  @Override
  protected @Nullable ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    String field = name == null ? "parameter" : name;
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-parameter",
            "Invalid parameter",
            "A path or query parameter is not valid.");
    problem.setProperty(
        "errors",
        errors(List.of(new InvalidInput.FieldViolation(field, expectation(ex.getRequiredType())))));
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    // Framework failures (malformed JSON, wrong media type, bad path variable): same shape, a
    // stable type, and no echo of the raw input.
    ProblemDetail problem =
        body instanceof ProblemDetail pd ? pd : ProblemDetail.forStatus(statusCode);
    if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
      problem.setType(URI.create(TYPE_BASE + "bad-request"));
    }
    if (problem.getDetail() == null) {
      problem.setDetail(problem.getTitle());
    }
    log.warn("REST request refused: {} {}", statusCode.value(), ex.getClass().getSimpleName());
    HttpHeaders problemHeaders = HttpHeaders.copyOf(headers);
    problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return super.handleExceptionInternal(ex, problem, problemHeaders, statusCode, request);
  }

  static ProblemDetail problem(
      HttpStatusCode status, String type, String title, @Nullable String detail) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  private static List<Map<String, String>> errors(List<InvalidInput.FieldViolation> violations) {
    return violations.stream()
        .map(v -> Map.of("field", v.field(), "message", v.message()))
        .toList();
  }

  /** The JSON path of the offending value: {@code admin.email}, {@code memberIds[2]}. */
  private static String path(JacksonException ex) {
    StringBuilder sb = new StringBuilder();
    for (JacksonException.Reference ref : ex.getPath()) {
      if (ref.getPropertyName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "body" : sb.toString();
  }

  private static String expectation(MismatchedInputException ex) {
    if (ex instanceof InvalidNullException) {
      return "must not be null";
    }
    return expectation(ex.getTargetType());
  }

  private static String expectation(@Nullable Class<?> type) {
    if (type == null) {
      return "has a value of the wrong type";
    }
    if (type.isEnum()) {
      return "must be one of: "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
    }
    if (type == UUID.class) {
      return "must be a UUID";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be an ISO-8601 date or time, such as 2026-01-31";
    }
    if (Number.class.isAssignableFrom(type)
        || (type.isPrimitive() && type != boolean.class && type != char.class)) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == String.class) {
      return "must be a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be a list";
    }
    return "is not valid";
  }

  private static @Nullable Throwable causeOf(Throwable ex, Class<? extends Throwable> type) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, Exception ex) {
    log.warn("REST request refused: {} {}", problem.getStatus(), ex.getMessage());
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
