package dev.portico.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.ApiCaller;
import dev.portico.usage.UnmeteredApplications;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** USE-2's rules as the meter applies them to each answered call. */
class MeteredTests {

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 204, 301, 302, 304, 399})
  void answersWith2xxOr3xxCount(int status) {
    assertThat(Metered.countsStatus(status)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 199, 400, 401, 402, 403, 404, 429, 500, 502, 503, 504})
  void answersWith4xxOr5xxDoNotCount(int status) {
    assertThat(Metered.countsStatus(status)).isFalse();
  }

  @Test
  void operatorsOwnCallsDoNotCount() {
    assertThat(
            Metered.counts(
                caller(true, ApiCaller.Credential.SIGNED_KEY), UnmeteredApplications.NONE))
        .isFalse();
    assertThat(
            Metered.counts(caller(true, ApiCaller.Credential.BEARER), UnmeteredApplications.NONE))
        .isFalse();
  }

  @Test
  void keyAndTokenCallsOfOthersCount() {
    assertThat(
            Metered.counts(
                caller(false, ApiCaller.Credential.SIGNED_KEY), UnmeteredApplications.NONE))
        .isTrue();
    assertThat(
            Metered.counts(
                caller(false, ApiCaller.Credential.BASIC_KEY), UnmeteredApplications.NONE))
        .isTrue();
    assertThat(
            Metered.counts(caller(false, ApiCaller.Credential.BEARER), UnmeteredApplications.NONE))
        .isTrue();
  }

  @Test
  void tokenCallsOfAnUnmeteredAppDoNotCountAndKeyCallsStillDo() {
    UnmeteredApplications everyApp = applicationId -> true;

    assertThat(Metered.counts(caller(false, ApiCaller.Credential.BEARER), everyApp)).isFalse();
    assertThat(Metered.counts(caller(false, ApiCaller.Credential.SIGNED_KEY), everyApp)).isTrue();
  }

  static ApiCaller caller(boolean operator, ApiCaller.Credential credential) {
    boolean bearer = credential == ApiCaller.Credential.BEARER;
    return new ApiCaller(
        UUID.randomUUID(),
        "someone@example.test",
        "Someone",
        false,
        null,
        UUID.randomUUID(),
        null,
        null,
        1,
        operator,
        credential,
        bearer ? null : UUID.randomUUID(),
        bearer ? "client" : null,
        bearer ? UUID.randomUUID() : null);
  }
}
