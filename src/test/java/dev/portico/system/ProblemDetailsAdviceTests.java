package dev.portico.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The catch-all of {@link ProblemDetailsAdvice}: never a stack trace, never a swallowed 403. */
class ProblemDetailsAdviceTests {

  private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

  @Test
  void unexpectedFailureAnswers500ProblemWithoutItsMessage() throws Exception {
    ResponseEntity<ProblemDetail> answer =
        Objects.requireNonNull(
            advice.unexpected(new IllegalStateException("secret table acc_user is on fire")));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    ProblemDetail body = Objects.requireNonNull(answer.getBody());
    assertThat(String.valueOf(body.getType())).endsWith("/internal-error");
    assertThat(body.getDetail()).doesNotContain("acc_user");
  }

  @Test
  void accessDeniedGoesOnToSpringSecurity() {
    AccessDeniedException denied = new AccessDeniedException("no");
    assertThatThrownBy(() -> advice.unexpected(denied)).isSameAs(denied);
  }

  @Test
  void exceptionWithResponseStatusKeepsItsStatus() throws Exception {
    ResponseEntity<ProblemDetail> answer = Objects.requireNonNull(advice.unexpected(new Gone()));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(Objects.requireNonNull(answer.getBody()).getDetail()).isEqualTo("it left");
  }

  @ResponseStatus(code = HttpStatus.GONE, reason = "it left")
  static final class Gone extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
