package dev.portico.gateway;

import dev.portico.PorticoApplication;
import dev.portico.apikeys.IssuedApiKey;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second Portico node (node B of {@link TwoNodesTests}) on the database of the test's own node A,
 * restarted as the first node of an encryption-key rotation: it knows A's key {@code test} and has
 * a new key {@code next} already active.
 */
final class SecondNode implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private SecondNode(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts node B on a free port, sharing node A's database, with this key {@code next} active. */
  static SecondNode start(Environment nodeA, String nextEncryptionKey) {
    return new SecondNode(
        // command-line arguments: they win over application.properties (builder properties do not)
        new SpringApplicationBuilder(PorticoApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + nodeA.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username="
                    + nodeA.getRequiredProperty("spring.datasource.username"),
                "--spring.datasource.password=",
                "--portico.apikeys.encryption-keys.test="
                    + nodeA.getRequiredProperty("portico.apikeys.encryption-keys.test"),
                "--portico.apikeys.encryption-keys.next=" + nextEncryptionKey,
                "--portico.apikeys.active-key=next"));
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** The key's sealed secret as stored, its encryption key id first ({@code next:…}). */
  String sealedSecretOf(IssuedApiKey key) {
    return bean(JdbcClient.class)
        .sql("select secret_sealed from key_api_key where id = :id")
        .param("id", key.key().id())
        .query(String.class)
        .single();
  }

  @Override
  public void close() {
    context.close();
  }
}
