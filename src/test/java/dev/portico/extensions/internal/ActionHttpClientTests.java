package dev.portico.extensions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portico.extensions.ExtensionsSettings;
import dev.portico.extensions.TestActionServer;
import dev.portico.extensions.TestActionServer.Seen;
import dev.portico.extensions.internal.ActionCallFailed.Reason;
import dev.portico.extensions.internal.ActionHttpClient.Answer;
import dev.portico.extensions.internal.ActionHttpClient.Call;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/**
 * The action client against a real HTTP server of the JDK (EXT-4): the resolved-address check
 * (SSRF), same-host redirects only, the size cap, the deadline, no cookies, the bearer token.
 */
class ActionHttpClientTests {

  static TestActionServer server;

  private final List<ActionHttpClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    server = new TestActionServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  @AfterEach
  void closeClients() throws Exception {
    for (ActionHttpClient c : clients) {
      c.close();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "localhost",
        "LocalHost",
        "10.0.0.1",
        "172.16.0.1",
        "192.168.0.1",
        "100.64.0.1",
        "169.254.169.254",
        "0.0.0.0",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "[::ffff:169.254.169.254]",
        "[fe80::1]",
        "[fd00::1]"
      })
  void callToNonPublicAddressIsRefusedBeforeAnyConnection(String host) {
    ActionCallFailed failed = failure(client(false), get(url(host, "/json")));

    assertThat(failed.reason()).isEqualTo(Reason.ADDRESS_REFUSED);
    assertThat(failed.getMessage()).contains("Portico calls only public addresses");
    assertThat(server.seen).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.1", "2130706433", "0x7f.1", "017700000001"})
  void shorthandIpv4FormsNeverReachLoopback(String host) {
    ActionCallFailed failed = failure(client(false), get(url(host, "/json")));

    assertThat(failed.reason())
        .isIn(Reason.INVALID_URL, Reason.ADDRESS_REFUSED, Reason.UNREACHABLE);
    assertThat(server.seen).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost", "[::ffff:127.0.0.1]"})
  void sameCallWorksWhenPrivateAddressesAreAllowed(String host) throws Exception {
    Answer answer = client(true).send(get(url(host, "/json")));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    assertThat(server.seen).hasSize(1);
  }

  @Test
  void redirectToTheSameHostIsFollowed() throws Exception {
    Answer answer = client(true).send(get(server.base() + "/redirect?to=" + enc("/json")));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(server.seen).extracting(Seen::path).containsExactly("/redirect", "/json");
  }

  @Test
  void redirectToAnotherHostIsRefusedEvenOnTheSameMachine() {
    String elsewhere = server.base("localhost") + "/json";

    ActionCallFailed failed =
        failure(client(true), get(server.base() + "/redirect?to=" + enc(elsewhere)));

    assertThat(failed.reason()).isEqualTo(Reason.REDIRECT_REFUSED);
    assertThat(failed.getMessage()).contains("another host");
    assertThat(server.seen).extracting(Seen::path).containsExactly("/redirect");
  }

  @Test
  void redirectsStopAfterTheLimit() {
    ActionCallFailed failed = failure(client(true), get(server.base() + "/loop"));

    assertThat(failed.reason()).isEqualTo(Reason.REDIRECT_REFUSED);
    assertThat(server.seen).hasSize(1 + 5);
  }

  @Test
  void redirect307KeepsThePostAndItsBodyAnd303TurnsItIntoGet() throws Exception {
    client(true)
        .send(post(server.base() + "/redirect?status=307&to=" + enc("/json"), "{\"a\":1}", null));
    client(true)
        .send(post(server.base() + "/redirect?status=303&to=" + enc("/json"), "{\"a\":1}", null));

    assertThat(server.seen)
        .extracting(Seen::method, Seen::path, Seen::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("POST", "/redirect", "{\"a\":1}"),
            org.assertj.core.groups.Tuple.tuple("POST", "/json", "{\"a\":1}"),
            org.assertj.core.groups.Tuple.tuple("POST", "/redirect", "{\"a\":1}"),
            org.assertj.core.groups.Tuple.tuple("GET", "/json", ""));
  }

  @Test
  void streamedAnswerOverTheCapIsRefused() {
    ActionCallFailed failed = failure(client(true), get(server.base() + "/huge?size=3000000"));

    assertThat(failed.reason()).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void declaredAnswerOverTheCapIsRefused() {
    ActionCallFailed failed =
        failure(client(true), get(server.base() + "/huge?declared&size=1048577"));

    assertThat(failed.reason()).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void answerOfExactlyTheCapIsRead() throws Exception {
    Answer answer = client(true).send(get(server.base() + "/huge?size=1048576"));

    assertThat(answer.body()).hasSize(1024 * 1024);
  }

  @Test
  void slowAnswerTimesOutAtTheDeadline() {
    ActionHttpClient quick =
        track(
            new ActionHttpClient(
                new ExtensionsSettings.Actions(
                    true,
                    Duration.ofMillis(300),
                    Duration.ofSeconds(2),
                    DataSize.ofMegabytes(1),
                    5)));

    ActionCallFailed failed = failure(quick, get(server.base() + "/slow"));

    assertThat(failed.reason()).isEqualTo(Reason.TIMEOUT);
  }

  @Test
  void bearerTokenIsSentAndNothingWithoutOne() throws Exception {
    client(true).send(new Call("GET", URI.create(server.base() + "/json"), null, "tok-123"));
    client(true).send(get(server.base() + "/json"));

    assertThat(server.seen).extracting(Seen::authorization).containsExactly("Bearer tok-123", null);
  }

  @Test
  void cookiesAreNeverSentBack() throws Exception {
    ActionHttpClient client = client(true);
    client.send(get(server.base() + "/cookie"));
    client.send(get(server.base() + "/json"));

    assertThat(server.seen).extracting(Seen::path).containsExactly("/cookie", "/json", "/json");
    assertThat(server.seen).allSatisfy(s -> assertThat(s.headers().get("Cookie")).isNull());
  }

  @Test
  void closedPortIsUnreachableNotAnError() throws Exception {
    int closed;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    ActionCallFailed failed = failure(client(true), get("http://127.0.0.1:" + closed + "/json"));

    assertThat(failed.reason()).isEqualTo(Reason.UNREACHABLE);
  }

  @Test
  void callTokenIsNotInItsDescription() {
    Call call = new Call("GET", URI.create("https://example.com/x"), null, "tok-secret");

    assertThat(call.toString()).doesNotContain("tok-secret");
  }

  private ActionHttpClient client(boolean allowPrivateAddresses) {
    return track(
        new ActionHttpClient(
            new ExtensionsSettings.Actions(
                allowPrivateAddresses,
                Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                DataSize.ofMegabytes(1),
                5)));
  }

  private ActionHttpClient track(ActionHttpClient client) {
    clients.add(client);
    return client;
  }

  private static ActionCallFailed failure(ActionHttpClient client, Call call) {
    ActionCallFailed failed = catchThrowableOfType(ActionCallFailed.class, () -> client.send(call));
    assertThat(failed).as("the call fails").isNotNull();
    return failed;
  }

  private static String url(String host, String path) {
    return "http://" + host + ":" + server.port() + path;
  }

  private static Call get(String url) {
    return new Call("GET", URI.create(url), null, null);
  }

  private static Call post(String url, String body, String token) {
    return new Call("POST", URI.create(url), body, token);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
