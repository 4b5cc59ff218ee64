package dev.portico.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem details for {@code /api/**} requests that no controller took, so {@link
 * ProblemDetailsAdvice} never saw them: an unknown path (404), a method the path does not have
 * (405), a body type no handler reads (415). Every other path keeps the console's error page: the
 * handler rethrows, and Spring goes on with its default handling.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiPathAdvice {

  @ExceptionHandler({
    NoResourceFoundException.class,
    NoHandlerFoundException.class,
    HttpRequestMethodNotSupportedException.class,
    HttpMediaTypeNotSupportedException.class
  })
  ResponseEntity<ProblemDetail> unhandled(Exception ex, HttpServletRequest request)
      throws Exception {
    if (!(ex instanceof ErrorResponse error) || !isApi(request)) {
      throw ex;
    }
    int status = error.getStatusCode().value();
    ProblemDetail problem =
        status == 404
            ? ProblemDetailsAdvice.problem(
                error.getStatusCode(), "not-found", "Not found", "There is no such API path.")
            : ProblemDetailsAdvice.problem(
                error.getStatusCode(),
                "bad-request",
                String.valueOf(error.getBody().getTitle()),
                error.getBody().getDetail());
    HttpHeaders headers = HttpHeaders.copyOf(error.getHeaders());
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(error.getStatusCode()).headers(headers).body(problem);
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }
}
