package dev.portico.gateway.internal;

import static dev.portico.gateway.internal.NonceStoreConfiguration.choose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.gateway.NonceStoreSettings.Kind;
import org.junit.jupiter.api.Test;

/** Which nonce store a deployment gets (DESIGN.md "Signed requests: the nonce store"). */
class NonceStoreConfigurationTests {

  static final NonceStoreConfiguration.Postgres POSTGRES = () -> true;
  static final NonceStoreConfiguration.Postgres H2 = () -> false;

  @Test
  void redisIsTheDefaultWhenRedisIsConfigured() {
    assertThat(choose(null, true, POSTGRES)).isEqualTo(Kind.REDIS);
    assertThat(choose(null, true, H2)).isEqualTo(Kind.REDIS);
  }

  @Test
  void databaseIsTheDefaultOnPostgresWithoutRedisAndMemoryOnH2() {
    assertThat(choose(null, false, POSTGRES)).isEqualTo(Kind.DATABASE);
    assertThat(choose(null, false, H2)).isEqualTo(Kind.MEMORY);
  }

  @Test
  void anExplicitSettingWins() {
    assertThat(choose(Kind.MEMORY, true, POSTGRES)).isEqualTo(Kind.MEMORY);
    assertThat(choose(Kind.DATABASE, true, H2)).isEqualTo(Kind.DATABASE);
    assertThat(choose(Kind.MEMORY, false, POSTGRES)).isEqualTo(Kind.MEMORY);
    assertThat(choose(Kind.REDIS, true, H2)).isEqualTo(Kind.REDIS);
  }

  @Test
  void redisChosenWithoutRedisConfiguredFailsTheStartSayingWhatToSet() {
    assertThatThrownBy(() -> choose(Kind.REDIS, false, POSTGRES))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("portico.gateway.nonce-store=redis")
        .hasMessageContaining("spring.data.redis.url");
  }
}
