package dev.portico.gateway.internal;

import static dev.portico.support.TestApiKeys.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.accounts.Scope;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.gateway.internal.TestUpstream.Seen;
import dev.portico.support.PorticoTest;
import dev.portico.support.TestAccounts;
import dev.portico.support.TestAccounts.Company;
import dev.portico.support.TestApiKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The upstream proxy over real HTTP (Tomcat in front, the JDK's HTTP server behind): bodies of
 * several MiB go through whole, both ways, and are passed on while they are still being sent —
 * never held whole; HEAD; an answer that breaks off is not passed off as complete; the proxy's own
 * body limit, and the system's for Portico's own endpoints.
 */
@PorticoTest
class UpstreamStreamingTests {

  static final int MIB = 1024 * 1024;
  static TestUpstream upstream;

  @LocalServerPort int port;
  @Autowired UpstreamProxy proxy;
  @Autowired TestAccounts accounts;
  @Autowired TestApiKeys keys;
  final HttpClient http = HttpClient.newHttpClient();
  IssuedApiKey key;
  Company acme;

  @BeforeAll
  static void startUpstream() throws Exception {
    upstream = new TestUpstream();
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  @BeforeEach
  void pointAtUpstream() {
    upstream.reset();
    proxy.pointAt(upstream.upstream(Duration.ofSeconds(20), 8L * MIB));
    acme = accounts.company("Acme");
    key = keys.issue(acme.admin(), Scope.OAuth2Read, Scope.OAuth2Write);
  }

  @AfterEach
  void noUpstream() {
    upstream.release.countDown();
    upstream.firstPartArrived.countDown();
    proxy.pointAt(null);
  }

  @Test
  void bodyOfSeveralMibWithDeclaredLengthArrivesWhole() throws Exception {
    byte[] body = TestUpstream.pattern(5 * MIB + 7);
    HttpResponse<String> answer = send("POST", "/api/v1/files", BodyPublishers.ofByteArray(body));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("X-Upstream-Sha256"))
        .hasValue(TestUpstream.sha256(body));
    Seen seen = reached();
    assertThat(seen.length()).isEqualTo(body.length);
    assertThat(seen.headers().getFirst("Content-Length")).isEqualTo(Integer.toString(body.length));
  }

  @Test
  void chunkedBodyOfSeveralMibArrivesWhole() throws Exception {
    byte[] body = TestUpstream.pattern(5 * MIB + 11);
    HttpResponse<String> answer =
        send(
            "PUT",
            "/api/v1/files/1",
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(reached().sha256()).isEqualTo(TestUpstream.sha256(body));
  }

  @Test
  void requestBodyReachesUpstreamWhileTheCallerIsStillSending() throws Exception {
    // more than the upstream waits for: each HTTP client on the way may hold back a buffer or two
    byte[] first = TestUpstream.pattern(4 * TestUpstream.FIRST_PART);
    byte[] rest = TestUpstream.pattern(2 * MIB);
    AtomicBoolean streamed = new AtomicBoolean();
    InputStream waitsForUpstream =
        new InputStream() {
          private int left = rest.length;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left == rest.length) {
              try {
                streamed.set(upstream.firstPartArrived.await(10, TimeUnit.SECONDS));
              } catch (InterruptedException e) {
                throw new IOException(e);
              }
            }
            if (left == 0) {
              return -1;
            }
            int n = Math.min(left, length);
            System.arraycopy(rest, rest.length - left, buffer, offset, n);
            left -= n;
            return n;
          }
        };
    HttpResponse<String> answer =
        send(
            "POST",
            "/api/upload",
            BodyPublishers.ofInputStream(
                () -> new SequenceInputStream(new ByteArrayInputStream(first), waitsForUpstream)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(streamed).as("the first part went upstream before the rest was sent").isTrue();
    assertThat(reached().length()).isEqualTo(first.length + rest.length);
  }

  @Test
  void responseBodyReachesTheCallerWhileTheUpstreamIsStillSending() throws Exception {
    HttpResponse<InputStream> answer =
        http.send(
            call("GET", "/api/stream", BodyPublishers.noBody()), BodyHandlers.ofInputStream());
    try (InputStream in = answer.body()) {
      byte[] first = in.readNBytes("first\n".length());
      assertThat(new String(first, StandardCharsets.US_ASCII)).isEqualTo("first\n");
      upstream.release.countDown();
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("second\n");
    }
  }

  @Test
  void answerOfSeveralMibComesBackWhole() throws Exception {
    int size = 6 * MIB + 3;
    HttpResponse<byte[]> answer =
        http.send(
            call("GET", "/api/download?size=" + size, BodyPublishers.noBody()),
            BodyHandlers.ofByteArray());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).hasSize(size);
    assertThat(Arrays.equals(answer.body(), TestUpstream.pattern(size))).isTrue();
  }

  @Test
  void headIsForwardedAndAnsweredWithoutBody() throws Exception {
    HttpResponse<String> answer = send("HEAD", "/api/v1/files/1", BodyPublishers.noBody());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("X-Upstream")).hasValue("yes");
    assertThat(answer.body()).isEmpty();
    assertThat(reached().method()).isEqualTo("HEAD");
  }

  @Test
  void answerThatBreaksOffIsNotPassedOffAsComplete() throws Exception {
    HttpResponse<InputStream> answer =
        http.send(
            call("GET", "/api/broken", BodyPublishers.noBody()), BodyHandlers.ofInputStream());
    assertThat(answer.statusCode()).isEqualTo(200);
    try (InputStream in = answer.body()) {
      assertThat(new String(in.readNBytes(10), StandardCharsets.US_ASCII)).isEqualTo("0123456789");
      upstream.release.countDown();
      assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
    }
  }

  @Test
  void answerThatBreaksOffBeforeItsBodyIsBadGateway() throws Exception {
    HttpResponse<String> answer = send("GET", "/api/broken?early", BodyPublishers.noBody());
    assertThat(answer.statusCode()).isEqualTo(502);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(answer.body()).contains("\"title\":\"Bad gateway\"");
    assertThat(answer.headers().firstValue("X-Rate-Limit-Remaining")).isPresent();
  }

  @Test
  void chunkedBodyOverTheProxyLimitIsRefused() throws Exception {
    proxy.pointAt(upstream.upstream(Duration.ofSeconds(20), 2L * MIB));
    byte[] body = TestUpstream.pattern(2 * MIB + MIB / 2);
    HttpResponse<String> answer =
        send(
            "POST",
            "/api/v1/files",
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
    assertThat(answer.body()).contains("The request body is larger than 2 MiB.");
  }

  @Test
  void porticoEndpointsKeepTheSystemBodyLimit() throws Exception {
    byte[] body = new byte[2 * MIB];
    Arrays.fill(body, (byte) ' ');
    HttpResponse<String> answer =
        send(
            "POST",
            "/api/accounts/" + acme.id() + "/teams",
            BodyPublishers.ofByteArray(body),
            "application/json");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
    assertThat(upstream.seen).isEmpty();
  }

  private Seen reached() throws InterruptedException {
    Seen seen = upstream.seen.poll(10, TimeUnit.SECONDS);
    assertThat(seen).as("the call reached the upstream").isNotNull();
    return seen;
  }

  private HttpResponse<String> send(String method, String path, BodyPublisher body)
      throws Exception {
    return send(method, path, body, "application/octet-stream");
  }

  private HttpResponse<String> send(
      String method, String path, BodyPublisher body, String contentType) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(call(method, path, body), (name, value) -> true)
            .header("Content-Type", contentType)
            .build();
    return http.send(request, BodyHandlers.ofString());
  }

  private HttpRequest call(String method, String path, BodyPublisher body) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body)
        .header("Authorization", basic(key))
        .build();
  }
}
