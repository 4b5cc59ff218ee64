package dev.portico.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The catch-all of {@link ProblemDetailsAdvice}: never a stack trace, never a swallowed 403; a
 * concurrent duplicate is a 409.
 */
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

  @Test
  void concurrentDuplicateAnswers409ProblemWithoutConstraintOrValue() {
    ResponseEntity<ProblemDetail> answer =
        advice.duplicate(
            new DuplicateKeyException(
                "duplicate key value violates unique constraint \"acc_user_email_uk\""
                    + " Detail: Key (email_key)=(ceo@globex.test) already exists."));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    ProblemDetail body = Objects.requireNonNull(answer.getBody());
    assertThat(String.valueOf(body.getType())).isEqualTo("https://portico.dev/problems/conflict");
    assertThat(body.getStatus()).isEqualTo(409);
    assertThat(body.getDetail())
        .contains("at the same moment")
        .doesNotContain("acc_user")
        .doesNotContain("globex");
  }

  @ResponseStatus(code = HttpStatus.GONE, reason = "it left")
  static final class Gone extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
