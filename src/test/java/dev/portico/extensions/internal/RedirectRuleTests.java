package dev.portico.extensions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portico.extensions.internal.ActionCallFailed.Reason;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where an action's redirect may go: the same host, on https (EXT-4). */
class RedirectRuleTests {

  @ParameterizedTest
  @CsvSource({
    "https://app.example.com/a, /b, https://app.example.com/b",
    "https://app.example.com/a, https://APP.example.com:8443/b, https://APP.example.com:8443/b",
    "https://app.example.com/a/b, ../c?x=1, https://app.example.com/c?x=1",
    "http://localhost:8080/a, http://localhost:8080/b, http://localhost:8080/b",
    "http://localhost:8080/a, https://localhost/b, https://localhost/b",
    "http://127.0.0.1:8080/a, /b, http://127.0.0.1:8080/b"
  })
  void redirectToTheSameHostIsFollowed(String original, String location, String expected)
      throws Exception {
    URI from = URI.create(original);

    assertThat(RedirectRule.next(from, from, location)).isEqualTo(URI.create(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "https://app.example.com/a, https://evil.example.com/b",
    "https://app.example.com/a, //evil.example.com/b",
    "https://app.example.com/a, https://app.example.com.evil.test/b",
    "https://app.example.com/a, https://user@app.example.com/b",
    "https://app.example.com/a, http://app.example.com/b",
    "https://app.example.com/a, ftp://app.example.com/b",
    "https://app.example.com/a, javascript:alert(1)",
    "https://app.example.com/a, https://app.example.com/b c",
    "http://localhost:8080/a, http://127.0.0.1:8080/b"
  })
  void redirectElsewhereIsRefused(String original, String location) {
    URI from = URI.create(original);

    ActionCallFailed failed =
        catchThrowableOfType(ActionCallFailed.class, () -> RedirectRule.next(from, from, location));

    assertThat(failed).isNotNull();
    assertThat(failed.reason()).isEqualTo(Reason.REDIRECT_REFUSED);
  }
}
