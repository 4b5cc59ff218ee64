package dev.portico;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.support.ConsoleClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Boots Portico exactly as the quick start does — the default configuration on an embedded H2 file
 * database, no PostgreSQL — only with the database file under {@code target/} and a random port,
 * and drives the console over real HTTP. Every other integration test runs on PostgreSQL; this one
 * keeps the H2 default honest (migrations, queries and demo data on H2's PostgreSQL mode).
 */
class H2DefaultBootTests {

  private static final String DEFAULT_DATABASE = "jdbc:h2:file:./data/portico";
  private static final Pattern USERS_LINK =
      Pattern.compile("href=\"(/accounts/[0-9a-f-]{36}/users)\"");

  @Test
  void demoAdminSignsInOnDefaultH2AndSeesAcmeUsers() {
    try (ConfigurableApplicationContext portico = boot("--portico.demo=true")) {
      ConsoleClient browser = new ConsoleClient(port(portico));

      HttpResponse<String> login = browser.get("/login");
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.body()).contains("Sign in to Portico", "name=\"_csrf\"");

      HttpResponse<String> signedIn = browser.signIn("alice@acme.test", "portico-demo");
      assertThat(ConsoleClient.location(signedIn)).isEqualTo("/");
      HttpResponse<String> home = browser.follow(signedIn);
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.uri().getPath()).isEqualTo("/my/profile");
      assertThat(home.body()).contains("alice@acme.test", "Company settings", "Acme Corp");

      Matcher users = USERS_LINK.matcher(home.body());
      assertThat(users.find()).as("Company settings → Users link").isTrue();
      HttpResponse<String> page = browser.get(users.group(1));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("<h1>Users</h1>", "Acme Corp")
          .contains("alice@acme.test", "bob@acme.test", "lena@acme.test")
          .doesNotContain("gina@globex.test");
    }
  }

  @Test
  void demoDataIsNeverCreatedWhenDemoIsOff() {
    try (ConfigurableApplicationContext portico = boot()) {
      JdbcClient jdbc = portico.getBean(JdbcClient.class);
      assertThat(jdbc.sql("select count(*) from acc_user").query(Long.class).single()).isZero();
      assertThat(jdbc.sql("select count(*) from acc_account").query(Long.class).single()).isZero();

      ConsoleClient browser = new ConsoleClient(port(portico));
      HttpResponse<String> refused = browser.signIn("alice@acme.test", "portico-demo");
      assertThat(ConsoleClient.location(refused)).isEqualTo("/login?error");
    }
  }

  /** Starts Portico with application.properties as shipped, on a fresh H2 file under target/. */
  private static ConfigurableApplicationContext boot(String... args) {
    String url = defaultDatabaseUrl();
    assertThat(url).as("the shipped default database").startsWith(DEFAULT_DATABASE);
    Path file = Path.of("target", "h2-boot", UUID.randomUUID().toString(), "portico");
    String testUrl =
        "jdbc:h2:file:" + file.toAbsolutePath() + url.substring(DEFAULT_DATABASE.length());
    // Command-line arguments, like a real start: they win over application.properties.
    List<String> arguments = new ArrayList<>(List.of(args));
    arguments.add("--spring.datasource.url=" + testUrl);
    arguments.add("--server.port=0");
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(PorticoApplication.class)
            .run(arguments.toArray(String[]::new));
    assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(testUrl);
    return context;
  }

  private static String defaultDatabaseUrl() {
    Properties shipped = new Properties();
    try (InputStream in = H2DefaultBootTests.class.getResourceAsStream("/application.properties")) {
      shipped.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return shipped.getProperty("spring.datasource.url", "");
  }

  private static int port(ConfigurableApplicationContext context) {
    WebServer server = ((WebServerApplicationContext) context).getWebServer();
    return Objects.requireNonNull(server, "Portico started without a web server").getPort();
  }
}
