package dev.portico.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.support.PorticoTest;
import dev.portico.system.Actor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The operator's bootstrap key from {@code PORTICO_BOOTSTRAP_OPERATOR_KEY} (TEN-5). */
@PorticoTest
@TestPropertySource(
    properties = {
      "portico.bootstrap.operator.email=" + OperatorKeyBootstrapTests.EMAIL,
      "portico.bootstrap.operator.password=bootstrap-operator-password",
      "portico.bootstrap.operator.key="
          + OperatorKeyBootstrapTests.ACCESS_KEY
          + ":"
          + OperatorKeyBootstrapTests.SECRET_KEY
    })
class OperatorKeyBootstrapTests {

  static final String EMAIL = "bootstrap-ops@portico.test";
  static final String ACCESS_KEY = "BootstrapAccess0001";
  static final String SECRET_KEY = "BootstrapSecret0123456789abcdefghijKLMNOP";

  @Autowired UserManagement userManagement;
  @Autowired ApiKeyManagement management;
  @Autowired ApiKeyDirectory directory;
  @Autowired OperatorKeyBootstrap bootstrap;
  @Autowired JdbcClient jdbc;

  @Test
  void bootstrapKeyIsCreatedForTheOperatorWithEveryScopeOnEveryStack() {
    User operator = userManagement.userByEmail(EMAIL).orElseThrow();

    List<ApiKey> keys = management.keys(operator.personalAccountId());

    assertThat(keys).hasSize(1);
    ApiKey key = keys.get(0);
    assertThat(key.accessKey()).isEqualTo(ACCESS_KEY);
    assertThat(key.userId()).isEqualTo(operator.id());
    assertThat(key.scopes()).containsExactlyInAnyOrder(Scope.values());
    assertThat(key.stackKey()).isEqualTo("any");
    VerifiedKey verified = directory.verifyBasic(ACCESS_KEY, SECRET_KEY);
    assertThat(verified.operator()).isTrue();
    assertThat(verified.stackKey()).isEqualTo("any");
    assertThat(
            jdbc.sql("select secret_sealed from key_api_key where access_key = :a")
                .param("a", ACCESS_KEY)
                .query(String.class)
                .single())
        .doesNotContain(SECRET_KEY);
  }

  @Test
  void bootstrapKeyDeletedThenItIsNotCreatedAgainAtTheNextStart() throws Exception {
    String accessKey = "BootstrapAccessDeleted01";
    OperatorKeyBootstrap withSecondKey =
        new OperatorKeyBootstrap(
            new OperatorKeySettings(EMAIL, accessKey + ":" + SECRET_KEY),
            userManagement,
            management);
    withSecondKey.run();
    User operator = userManagement.userByEmail(EMAIL).orElseThrow();
    ApiKey created =
        management.keys(operator.personalAccountId()).stream()
            .filter(k -> k.accessKey().equals(accessKey))
            .findFirst()
            .orElseThrow();

    management.delete(Actor.SYSTEM, operator.personalAccountId(), created.id());
    withSecondKey.run(); // the next start, variable still set

    assertThat(count(accessKey)).isZero();
  }

  @Test
  void bootstrapRunAgainThenKeyIsNotCreatedTwice() throws Exception {
    bootstrap.run();
    bootstrap.run();

    assertThat(count(ACCESS_KEY)).isEqualTo(1L);
  }

  private long count(String accessKey) {
    return jdbc.sql("select count(*) from key_api_key where access_key = :a")
        .param("a", accessKey)
        .query(Long.class)
        .single();
  }
}
