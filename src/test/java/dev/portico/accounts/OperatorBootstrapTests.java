package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.PorticoApplication;
import dev.portico.support.ConsoleClient;
import dev.portico.support.EmbeddedPostgresSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * TEN-5: the operator named by {@code portico.bootstrap.operator.*} (the environment's {@code
 * PORTICO_BOOTSTRAP_OPERATOR_EMAIL} / {@code _PASSWORD}) is created at the first start; later
 * starts on the same database neither fail nor duplicate it, also together with demo mode, whose
 * operator has the same email.
 */
class OperatorBootstrapTests {

  private static final String EMAIL = "ops@portico.test";
  private static final String PASSWORD = "bootstrap-secret-1";
  private static final String BOOTSTRAP_KEY =
      "FirstRequestAccess01:FirstRequestSecret0123456789abcdefghijKLMN";

  @Test
  void bootstrapOperatorIsCreatedOnceAndLaterStartsNeitherFailNorDuplicate() {
    String database = EmbeddedPostgresSupport.newDatabase();
    try (ConfigurableApplicationContext first = start(database)) {
      User operator = first.getBean(UserManagement.class).userByEmail(EMAIL).orElseThrow();
      assertThat(operator.operator()).isTrue();
      assertThat(operator.companyId()).isNull();
      assertThat(usersWithEmail(first)).isEqualTo(1);
    }

    try (ConfigurableApplicationContext second = start(database)) {
      assertThat(usersWithEmail(second)).isEqualTo(1);
    }

    try (ConfigurableApplicationContext withDemo = start(database, "--portico.demo=true")) {
      assertThat(usersWithEmail(withDemo)).isEqualTo(1);
      assertThat(withDemo.getBean(UserManagement.class).userByEmail("alice@acme.test")).isPresent();
      ConsoleClient browser = new ConsoleClient(port(withDemo));
      assertThat(ConsoleClient.location(browser.signIn(EMAIL, PASSWORD)))
          .as("the bootstrap password still signs in")
          .isEqualTo("/");
    }
  }

  /**
   * Start-up data is written before the web server opens its port, so even the very first request —
   * sent here the moment the server has started, before start-up has finished — finds the bootstrap
   * operator, the bootstrap key and the demo data.
   */
  @Test
  void bootstrapOperatorKeyAndDemoDataAreThereForTheVeryFirstRequest() {
    Map<String, String> firstAnswers = new ConcurrentHashMap<>();
    ApplicationListener<WebServerInitializedEvent> firstRequests =
        event -> {
          int port = event.getWebServer().getPort();
          firstAnswers.put(
              "operator sign-in",
              ConsoleClient.location(new ConsoleClient(port).signIn(EMAIL, PASSWORD)));
          firstAnswers.put(
              "demo sign-in",
              ConsoleClient.location(
                  new ConsoleClient(port).signIn("alice@acme.test", "portico-demo")));
          firstAnswers.put("bootstrap key", String.valueOf(sessionInfoStatus(port)));
        };

    try (ConfigurableApplicationContext portico =
        start(
            EmbeddedPostgresSupport.newDatabase(),
            firstRequests,
            "--portico.demo=true",
            "--portico.bootstrap.operator.key=" + BOOTSTRAP_KEY)) {
      assertThat(firstAnswers)
          .containsEntry("operator sign-in", "/")
          .containsEntry("demo sign-in", "/")
          .containsEntry("bootstrap key", "200");
    }
  }

  @Test
  void withoutBootstrapSettingsNoOperatorIsCreated() {
    try (ConfigurableApplicationContext portico =
        new SpringApplicationBuilder(PorticoApplication.class)
            .run(databaseArguments(EmbeddedPostgresSupport.newDatabase()).toArray(String[]::new))) {
      JdbcClient jdbc = portico.getBean(JdbcClient.class);
      assertThat(jdbc.sql("select count(*) from acc_user").query(Long.class).single()).isZero();
    }
  }

  private static ConfigurableApplicationContext start(String database, String... extra) {
    return start(database, event -> {}, extra);
  }

  private static ConfigurableApplicationContext start(
      String database, ApplicationListener<WebServerInitializedEvent> listener, String... extra) {
    List<String> arguments = databaseArguments(database);
    arguments.add("--portico.bootstrap.operator.email=" + EMAIL);
    arguments.add("--portico.bootstrap.operator.password=" + PASSWORD);
    arguments.addAll(List.of(extra));
    return new SpringApplicationBuilder(PorticoApplication.class)
        .listeners(new WebServerListener(listener))
        .run(arguments.toArray(String[]::new));
  }

  /**
   * A lambda listener's event type cannot be resolved, so an event multicaster that filters by type
   * (Spring Modulith's) hands it every event; a class names its type.
   */
  private record WebServerListener(ApplicationListener<WebServerInitializedEvent> delegate)
      implements ApplicationListener<WebServerInitializedEvent> {

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
      delegate.onApplicationEvent(event);
    }
  }

  private static int sessionInfoStatus(int port) {
    String basic =
        Base64.getEncoder().encodeToString(BOOTSTRAP_KEY.getBytes(StandardCharsets.UTF_8));
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/api/users/sessioninfo"))
                  .header("Authorization", "Basic " + basic)
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> databaseArguments(String database) {
    return new ArrayList<>(
        List.of(
            "--spring.datasource.url=" + database,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--server.port=0"));
  }

  private static long usersWithEmail(ConfigurableApplicationContext context) {
    return context
        .getBean(JdbcClient.class)
        .sql("select count(*) from acc_user where email_key = :key")
        .param("key", EMAIL)
        .query(Long.class)
        .single();
  }

  private static int port(ConfigurableApplicationContext context) {
    WebServer server = ((WebServerApplicationContext) context).getWebServer();
    return Objects.requireNonNull(server, "Portico started without a web server").getPort();
  }
}
