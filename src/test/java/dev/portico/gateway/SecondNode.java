package dev.portico.gateway;

import dev.portico.PorticoApplication;
import dev.portico.apikeys.IssuedApiKey;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Starts another node on a free port, sharing node A's database and its encryption key, with
   * these command-line arguments on top (e.g. a smaller rate limit).
   */
  static SecondNode startWith(Environment nodeA, String... arguments) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=" + nodeA.getRequiredProperty("spring.datasource.url"));
    args.add(
        "--spring.datasource.username=" + nodeA.getRequiredProperty("spring.datasource.username"));
    args.add("--spring.datasource.password=");
    args.add(
        "--portico.apikeys.encryption-keys.test="
            + nodeA.getRequiredProperty("portico.apikeys.encryption-keys.test"));
    args.addAll(List.of(arguments));
    return new SecondNode(
        new SpringApplicationBuilder(PorticoApplication.class).run(args.toArray(String[]::new)));
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
