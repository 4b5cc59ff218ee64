package dev.portico.gateway;

import static dev.portico.support.TestApiKeys.nonce;
import static dev.portico.support.TestApiKeys.signedHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.PorticoApplication;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.EmbeddedPostgresSupport;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The nonce check fails closed (KEY-5): the PostgreSQL server is really stopped while signed
 * requests are being answered; every request is then answered 503 {@code nonce_store_unavailable}
 * (never 500, never accepted), and once the server is back on the same port and data directory the
 * node answers 200 again without a restart. Every request that was answered 200 has its nonce in
 * the table.
 *
 * <p>Its own PostgreSQL server (not the shared one, which other tests use) and its own Portico
 * node. API keys are cached for the whole test, and the rate-limit buckets synced rarely, so that
 * only the nonce write needs the database.
 */
class NonceStoreOutageTests {

  @TempDir static Path dataDirectory;
  static int databasePort;
  static EmbeddedPostgres database;
  static ConfigurableApplicationContext node;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startDatabaseAndNode() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      databasePort = socket.getLocalPort();
    }
    database = startDatabase();
    node =
        new SpringApplicationBuilder(PorticoApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.connection-timeout=1000",
                "--portico.apikeys.encryption-keys.test="
                    + EmbeddedPostgresSupport.TEST_ENCRYPTION_KEY,
                "--portico.apikeys.cache-refresh=10m",
                "--portico.apikeys.cache-expiry=10m",
                "--portico.gateway.nonce-timeout=1s",
                // the rate-limit buckets (also in this database) sync once and then not again
                // during the test, so that only the nonce write meets the outage
                "--portico.gateway.rate-limit-per-minute=1000000000",
                "--portico.gateway.rate-limit-sync-interval=1h");
  }

  static EmbeddedPostgres startDatabase() throws IOException {
    return EmbeddedPostgres.builder()
        .setPort(databasePort)
        .setDataDirectory(dataDirectory.resolve("pg"))
        .setCleanDataDirectory(false)
        .start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (node != null) {
      node.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void databaseStoppedDuringWritesIsServiceUnavailableThenRecovers() throws Exception {
    // an operator's key: valid on every stack, so no stack lookup needs the database either
    IssuedApiKey key =
        node.getBean(TestApiKeys.class).issue(node.getBean(TestAccounts.class).operator());
    Company acme = node.getBean(TestAccounts.class).company("Acme");
    IssuedApiKey companyKey = node.getBean(TestApiKeys.class).issue(acme.admin());
    assertThat(call(key).status()).isEqualTo(200); // the keys are cached from here on
    assertThat(call(companyKey).status()).isEqualTo(200);

    ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    AtomicBoolean traffic = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(2);
    List<Future<?>> loops = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      loops.add(
          clients.submit(
              () -> {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (traffic.get() && System.nanoTime() < end) {
                  answers.add(call(key));
                  Thread.sleep(5); // a steady stream, not a flood: the machine is shared
                }
                return null;
              }));
    }
    try {
      awaitAnswer(answers, a -> a.status() == 200, Duration.ofSeconds(10));
      database.close(); // pg_ctl stop -m fast: the server is really gone
      // the first 503s may also be credential_store_unavailable (a lookup that reached the stopped
      // database first, e.g. once the change feed cannot be read): wait for the nonce store's own
      Answer down =
          awaitAnswer(
              answers,
              a -> a.status() == 503 && a.body().contains("\"nonce_store_unavailable\""),
              Duration.ofSeconds(15));
      assertThat(down.body())
          .isEqualTo(
              "{\"message\":\"Service unavailable, try again\",\"status\":503,"
                  + "\"reason\":\"nonce_store_unavailable\"}");
      Thread.sleep(1500); // a sustained outage: every writer has failed more than once
      Answer whileDown = call(key);
      assertThat(whileDown.status()).as(whileDown.body()).isEqualTo(503);
      // a company key needs its stack, cached for a few seconds only: 503 either way, never 500
      Answer stackUnknown = call(companyKey);
      assertThat(stackUnknown.status()).as(stackUnknown.body()).isEqualTo(503);
      assertThat(stackUnknown.body())
          .containsAnyOf("\"nonce_store_unavailable\"", "\"credential_store_unavailable\"");

      database = startDatabase(); // same port, same data directory
      int before = answers.size();
      awaitAnswer(answers, a -> a.status() == 200, Duration.ofSeconds(30), before);
    } finally {
      traffic.set(false);
      for (Future<?> loop : loops) {
        loop.get(30, TimeUnit.SECONDS);
      }
      clients.shutdownNow();
    }

    assertThat(answers)
        .as("only 200 or 503, never 500 nor a refusal of a fresh nonce")
        .extracting(Answer::status)
        .containsOnly(200, 503);
    assertThat(answers).filteredOn(a -> a.status() == 503).isNotEmpty();
    List<String> accepted =
        answers.stream().filter(a -> a.status() == 200).map(Answer::nonce).toList();
    assertThat(recordedNonces(key, accepted))
        .as("every nonce accepted is recorded")
        .containsExactlyInAnyOrderElementsOf(
            accepted.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
    assertThat(call(key).status()).isEqualTo(200);
  }

  @Test
  void nonceStoreSlowerThanTheTimeoutIsServiceUnavailableWithinTheTimeout() throws Exception {
    Company acme = node.getBean(TestAccounts.class).company("Acme");
    IssuedApiKey key = node.getBean(TestApiKeys.class).issue(acme.admin());
    assertThat(call(key).status()).isEqualTo(200);
    try (Connection c = database.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("lock table gw_nonce in access exclusive mode"); // every insert now waits
      long start = System.nanoTime();
      Answer slow = call(key);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(slow.status()).as(slow.body()).isEqualTo(503);
      assertThat(slow.body()).contains("\"reason\":\"nonce_store_unavailable\"");
      assertThat(took).isLessThan(Duration.ofSeconds(3)); // nonce-timeout is 1 s here
      c.rollback();
    }
    Answer after = call(key);
    assertThat(after.status()).as(after.body()).isEqualTo(200);
  }

  private List<String> recordedNonces(IssuedApiKey key, List<String> nonces) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c = database.getPostgresDatabase().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select nonce from gw_nonce where access_key = ? and nonce = any (?)")) {
      s.setString(1, key.key().accessKey());
      s.setArray(
          2,
          c.createArrayOf(
              "varchar", nonces.stream().map(n -> n.toLowerCase(Locale.ROOT)).toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    return found;
  }

  private static Answer awaitAnswer(
      ConcurrentLinkedQueue<Answer> answers, Predicate<Answer> wanted, Duration within)
      throws InterruptedException {
    return awaitAnswer(answers, wanted, within, 0);
  }

  /** The first answer after the first {@code skip} ones that is the one wanted. */
  private static Answer awaitAnswer(
      ConcurrentLinkedQueue<Answer> answers, Predicate<Answer> wanted, Duration within, int skip)
      throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      Answer found = answers.stream().skip(skip).filter(wanted).findFirst().orElse(null);
      if (found != null) {
        return found;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no such answer within " + within + ": " + summary(answers));
  }

  private static String summary(ConcurrentLinkedQueue<Answer> answers) {
    return answers.stream()
        .map(a -> a.status() + (a.status() == 200 ? "" : " " + a.body()))
        .distinct()
        .toList()
        .toString();
  }

  private Answer call(IssuedApiKey key) throws IOException, InterruptedException {
    String nonce = nonce();
    Map<String, String> headers =
        signedHeaders(
            key, "GET", "/api/users/sessioninfo", "", "application/json", nonce, Instant.now());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/api/users/sessioninfo"))
            .timeout(Duration.ofSeconds(10))
            .GET();
    headers.forEach(request::header);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(nonce, response.statusCode(), response.body());
  }

  private static int port() {
    return ((WebServerApplicationContext) node).getWebServer().getPort();
  }

  record Answer(String nonce, int status, String body) {}
}
