package dev.portico.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real PostgreSQL server (zonky embedded binaries) for the whole test JVM; every Spring test
 * context gets a database of its own on it, so contexts never see each other's rows.
 */
public final class EmbeddedPostgresSupport {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static volatile EmbeddedPostgres server;

  private EmbeddedPostgresSupport() {}

  /** The shared server, started on first use and stopped when the JVM exits. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server =
            EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                // closed by our own hook below, after the Spring contexts
                .setRegisterShutdownHook(false)
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    awaitSpringShutdown();
                    try {
                      started.close();
                    } catch (IOException ignored) {
                      // the JVM is going away
                    }
                  }));
    }
    return server;
  }

  /**
   * JVM shutdown hooks run at the same time: without this wait the server stops while the test
   * contexts still close (and flush, e.g. keys' last use) against it, and each such flush waits the
   * pool's 30 s connection timeout before the test JVM can exit.
   */
  private static void awaitSpringShutdown() {
    for (int attempt = 0; attempt < 10; attempt++) {
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.getName().equals("SpringApplicationShutdownHook")) {
          try {
            thread.join(20_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return;
        }
      }
      try {
        Thread.sleep(50); // hooks start one after another: Spring's may not have started yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Creates a fresh, empty database and returns its JDBC URL. */
  public static String newDatabase() {
    String name = "portico_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /**
   * A fixed AES-256 key for API-key secrets in tests, so that no test writes a key file. Test only:
   * never use it anywhere else.
   */
  public static final String TEST_ENCRYPTION_KEY = "TBEB0OT+s6CKXZcZVyMLaHS9J46ObzAzVt8xPL8BsGQ=";

  /**
   * Points a Spring test context at a new database of the shared server, with a configured API-key
   * encryption key.
   */
  public static final class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              "spring.datasource.url=" + newDatabase(),
              "spring.datasource.username=postgres",
              "spring.datasource.password=",
              "portico.apikeys.encryption-keys.test=" + TEST_ENCRYPTION_KEY)
          .applyTo(context.getEnvironment());
    }
  }
}
