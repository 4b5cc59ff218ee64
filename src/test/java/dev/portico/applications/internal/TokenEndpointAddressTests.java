package dev.portico.applications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.portico.system.CheckedDnsResolver.AddressRefused;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An app's External OAuth token URL is a URL its developer chose: Portico's calls to it go through
 * the same resolved-address check as extension actions, so it cannot be pointed at an internal
 * service (unless the operator allows private addresses, as in development).
 */
class TokenEndpointAddressTests {

  private HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/token",
        exchange -> {
          hits.incrementAndGet();
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost"})
  void aTokenEndpointOnALoopbackAddressIsRefusedBeforeAnyConnection(String host) {
    var client = new ExternalOAuthClientConfiguration(false).tokenEndpointClient();
    String url = "http://" + host + ":" + server.getAddress().getPort() + "/token";

    assertThatThrownBy(() -> client.post().uri(url).retrieve().toBodilessEntity())
        .hasRootCauseInstanceOf(AddressRefused.class);
    assertThat(hits).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost"})
  void theOperatorMayAllowPrivateAddressesForDevelopment(String host) {
    var client = new ExternalOAuthClientConfiguration(true).tokenEndpointClient();
    String url = "http://" + host + ":" + server.getAddress().getPort() + "/token";

    assertThat(client.post().uri(url).retrieve().toBodilessEntity().getStatusCode().value())
        .isEqualTo(200);
    assertThat(hits).hasValue(1);
  }
}
