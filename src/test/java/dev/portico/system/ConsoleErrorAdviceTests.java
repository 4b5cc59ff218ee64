package dev.portico.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

/** The console's error page for a concurrent duplicate: 409 and a clear message, never a 500. */
class ConsoleErrorAdviceTests {

  private final ConsoleErrorAdvice advice = new ConsoleErrorAdvice();

  @Test
  void concurrentDuplicateShowsAClearMessageWithStatus409AndNothingOfTheDatabase() {
    ExtendedModelMap model = new ExtendedModelMap();
    MockHttpServletResponse response = new MockHttpServletResponse();

    String view =
        advice.duplicate(
            new DuplicateKeyException(
                "duplicate key value violates unique constraint \"acc_account_domain_uk\""
                    + " Detail: Key (domain)=(acme.portico.test) already exists."),
            model,
            response);

    assertThat(view).isEqualTo("error");
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(model.getAttribute("status")).isEqualTo(409);
    assertThat(String.valueOf(model.getAttribute("detail")))
        .contains("at the same moment", "try again")
        .doesNotContain("acc_account")
        .doesNotContain("acme.portico.test");
  }
}
