package dev.portico.gateway;

import static dev.portico.support.TestApiKeys.nonce;
import static dev.portico.support.TestApiKeys.signedHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestApiKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node with {@code portico.gateway.nonce-store=memory}: a replay to it is refused in any letter
 * case, and after a graceful restart on the same database the nonces it accepted are still refused
 * — written behind at shutdown (the periodic write is set to an hour here, so only the shutdown
 * write can have saved them) and reloaded at start-up.
 */
@PorticoTest
class MemoryNonceStoreRestartTests {

  static final String[] MEMORY = {
    "--portico.gateway.nonce-store=memory", "--portico.gateway.nonce-write-behind-interval=1h"
  };
  static Environment database;
  static SecondNode node;

  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  @Autowired JdbcClient jdbc;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startMemoryNode(@Autowired Environment shared) {
    database = shared;
    node = SecondNode.startWith(database, MEMORY);
  }

  @AfterAll
  static void stopMemoryNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void replayToTheSameNodeIsRefusedInAnyLetterCase() throws Exception {
    IssuedApiKey key = keys.issue(accounts.company("Acme").admin());
    String nonce = "ABCDEFGHIJKLMNOP" + nonce();
    Map<String, String> headers = signed(key, nonce);
    HttpResponse<String> first = get(headers);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertReplayed(get(headers));
    Map<String, String> lowerCased = new LinkedHashMap<>(headers);
    lowerCased.put("On-Nonce", nonce.toLowerCase(Locale.ROOT));
    assertReplayed(get(lowerCased));
  }

  @Test
  void replayAfterAGracefulRestartOnTheSameDatabaseIsRefused() throws Exception {
    IssuedApiKey key = keys.issue(accounts.company("Acme").admin());
    String nonce = "RestartedNode" + nonce();
    Map<String, String> headers = signed(key, nonce);
    HttpResponse<String> first = get(headers);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(rowsOf(key)).as("not written before the shutdown (interval 1 h)").isZero();

    node.close(); // graceful: the web server drains, then the store writes what is left
    assertThat(rowsOf(key)).as("written at shutdown").isEqualTo(1);
    node = SecondNode.startWith(database, MEMORY);

    assertReplayed(get(headers));
    Map<String, String> upperCased = new LinkedHashMap<>(headers);
    upperCased.put("On-Nonce", nonce.toUpperCase(Locale.ROOT));
    assertReplayed(get(upperCased));
    HttpResponse<String> fresh = get(signed(key, nonce()));
    assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
  }

  private long rowsOf(IssuedApiKey key) {
    return jdbc.sql("select count(*) from gw_nonce_snapshot where identities like :key")
        .param("key", "%" + key.key().accessKey() + "\t%")
        .query(Long.class)
        .single();
  }

  private static void assertReplayed(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
    assertThat(answer.body()).contains("replayed_nonce");
  }

  private static Map<String, String> signed(IssuedApiKey key, String nonce) {
    return signedHeaders(
        key, "GET", "/api/users/sessioninfo", "", "application/json", nonce, Instant.now());
  }

  private HttpResponse<String> get(Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + node.port() + "/api/users/sessioninfo"))
            .timeout(Duration.ofSeconds(10))
            .GET();
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
