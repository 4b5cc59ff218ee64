package dev.portico.system;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error format of the REST surface: RFC 9457 problem details with a stable {@code type} per
 * problem and, for validation, {@code errors[]} of {@code {field, message}}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a>
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  static final String TYPE_BASE = "https://portico.dev/problems/";

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> invalidInput(InvalidInput ex) {
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "invalid-input",
            "Invalid input",
            "One or more fields are invalid.");
    List<Map<String, String>> errors =
        ex.violations().stream()
            .map(v -> Map.of("field", v.field(), "message", v.message()))
            .toList();
    problem.setProperty("errors", errors);
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
    log.warn("REST request refused: {} {}", statusCode.value(), ex.getClass().getSimpleName());
    return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, @Nullable String detail) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, Exception ex) {
    log.warn("REST request refused: {} {}", problem.getStatus(), ex.getMessage());
    return ResponseEntity.status(problem.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
