package dev.portico.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.portico.accounts.UserManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The format of {@code PORTICO_BOOTSTRAP_OPERATOR_KEY} (TEN-5). */
class BootstrapKeyTests {

  private static final String ACCESS = "AccessKey0123456";
  private static final String SECRET = "Secret0123456789abcdefghijklmnopq";

  @Test
  void wellFormedValueIsSplitIntoAccessAndSecretKey() {
    BootstrapKey key = BootstrapKey.parse(" " + ACCESS + ":" + SECRET + " ");

    assertThat(key.accessKey()).isEqualTo(ACCESS);
    assertThat(key.secretKey()).isEqualTo(SECRET);
    assertThat(key.toString()).doesNotContain(SECRET);
  }

  @Test
  void longestAllowedKeysAreAccepted() {
    assertThat(BootstrapKey.parse("a".repeat(64) + ":" + "b".repeat(128)).secretKey()).hasSize(128);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ACCESS + SECRET, // no colon
        "AccessKey012345:" + SECRET, // access key of 15
        "AccessKey-0123456:" + SECRET, // not alphanumeric
        ACCESS + ":Secret0123456789abcdefghijklmno", // secret of 31
        ACCESS + ":Secret0123456789abcdefghijklmnop!", // not alphanumeric
        ACCESS + ":" + SECRET + ":" + SECRET, // a second colon
        ":" + SECRET,
        ACCESS + ":"
      })
  void malformedValueIsRefusedWithoutRepeatingIt(String value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BootstrapKey.parse(value))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET.substring(6, 20)));
  }

  @Test
  void secretOfMoreThan128IsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BootstrapKey.parse(ACCESS + ":" + "s".repeat(129)));
  }

  @Test
  void malformedValueStopsStartUpWithAClearMessageThatHidesTheSecret() {
    UserManagement accounts = mock(UserManagement.class);
    ApiKeyManagement management = mock(ApiKeyManagement.class);
    OperatorKeyBootstrap bootstrap =
        new OperatorKeyBootstrap(
            new OperatorKeySettings("ops@portico.test", SECRET + ":" + ACCESS),
            accounts,
            management);

    assertThatIllegalStateException()
        .isThrownBy(bootstrap::run)
        .withMessageStartingWith("PORTICO_BOOTSTRAP_OPERATOR_KEY is invalid")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(ACCESS))
        .satisfies(e -> assertThat(e.getCause()).isNull());
    verifyNoInteractions(accounts, management);
  }

  @Test
  void keyWithoutOperatorEmailStopsStartUp() {
    OperatorKeyBootstrap bootstrap =
        new OperatorKeyBootstrap(
            new OperatorKeySettings(null, ACCESS + ":" + SECRET),
            mock(UserManagement.class),
            mock(ApiKeyManagement.class));

    assertThatIllegalStateException()
        .isThrownBy(bootstrap::run)
        .withMessageContaining("PORTICO_BOOTSTRAP_OPERATOR_EMAIL")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }

  @Test
  void settingsNeverPrintTheKey() {
    assertThat(new OperatorKeySettings("ops@portico.test", ACCESS + ":" + SECRET))
        .asString()
        .doesNotContain(SECRET);
  }

  @Test
  void apiKeysModuleIsNeverHandedTheOperatorsPassword() {
    assertThat(OperatorKeySettings.class.getRecordComponents())
        .extracting(java.lang.reflect.RecordComponent::getName)
        .containsExactlyInAnyOrder("email", "key");
  }
}
