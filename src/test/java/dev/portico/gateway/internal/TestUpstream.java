package dev.portico.gateway.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP upstream on a free loopback port (the JDK's {@link HttpServer}), independent of the
 * proxy's code: it records what reached it and answers by the path after {@code /base/api/}:
 *
 * <ul>
 *   <li>{@code stream}: a first line, then waits for {@link #release} and sends {@code second} — or
 *       {@code late} if nobody released it within 10 s (the proxy held the first line back);
 *   <li>{@code upload}: counts {@link #firstPartArrived} down once 64 KiB of the body arrived;
 *   <li>{@code slow}: answers only once released (or after 10 s);
 *   <li>{@code download?size=n}: n bytes of {@link #pattern};
 *   <li>{@code broken}: drops the connection after 10 bytes once released ({@code ?early}: before
 *       any);
 *   <li>{@code redirect?to=url}: 302 to that URL;
 *   <li>anything else: 200 (or {@code ?status=n}) with the body's length and SHA-256 in headers, a
 *       cookie, a hop-by-hop header and its own rate-limit header, all of which must stay behind.
 * </ul>
 */
final class TestUpstream implements AutoCloseable {

  static final int FIRST_PART = 64 * 1024;

  /** One request as the upstream saw it. */
  record Seen(String method, String target, Headers headers, long length, String sha256) {}

  final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
  volatile CountDownLatch release = new CountDownLatch(1);
  volatile CountDownLatch firstPartArrived = new CountDownLatch(1);

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  TestUpstream() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/base/api/", this::answer);
    server.setExecutor(threads);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/base");
  }

  Upstream upstream(Duration readTimeout, long maxRequestBody) {
    return new Upstream(base(), Duration.ofSeconds(2), readTimeout, maxRequestBody);
  }

  /** Forgets what was seen and re-arms the latches. */
  void reset() {
    seen.clear();
    release = new CountDownLatch(1);
    firstPartArrived = new CountDownLatch(1);
  }

  /** A loopback port where nothing listens. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The bytes of a body of this size: a fixed, non-repeating-per-KiB pattern. */
  static byte[] pattern(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ((i * 31 + i / 1024) % 251);
    }
    return bytes;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String name = target.substring("/base/api/".length());
    if (name.equals("broken")) {
      breakOff(exchange, query != null && query.equals("early"));
      return;
    }
    try (exchange) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long length = read(exchange.getRequestBody(), digest, name.equals("upload"));
      String sha256 = HexFormat.of().formatHex(digest.digest());
      seen.add(
          new Seen(
              exchange.getRequestMethod(),
              target + (query == null ? "" : "?" + query),
              exchange.getRequestHeaders(),
              length,
              sha256));
      Headers headers = exchange.getResponseHeaders();
      switch (name) {
        case "stream" -> stream(exchange);
        case "slow" -> {
          release.await(10, TimeUnit.SECONDS);
          send(exchange, 200, "finally");
        }
        case "download" -> {
          byte[] body = pattern(Integer.parseInt(query.substring("size=".length())));
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write(body);
        }
        case "redirect" -> {
          headers.add(
              "Location",
              URLDecoder.decode(query.substring("to=".length()), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(302, -1);
        }
        default -> {
          headers.add("X-Upstream-Length", Long.toString(length));
          headers.add("X-Upstream-Sha256", sha256);
          headers.add("X-Upstream", "yes");
          headers.add("Set-Cookie", "PORTICO_SESSION=from-upstream; Path=/");
          headers.add("Connection", "X-Hop");
          headers.add("X-Hop", "hop-by-hop");
          headers.add("X-Rate-Limit-Remaining", "999999");
          int status = status(query);
          if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
          } else {
            send(exchange, status, "hello from upstream");
          }
        }
      }
    } catch (NoSuchAlgorithmException | InterruptedException e) {
      throw new IOException(e);
    }
  }

  /**
   * Sends the head, then drops the connection: at once ({@code early}), or after a first part of a
   * chunked body once {@link #release}d.
   */
  private void breakOff(HttpExchange exchange, boolean early) throws IOException {
    exchange.sendResponseHeaders(200, early ? 1000 : 0);
    if (!early) {
      exchange.getResponseBody().write("0123456789".getBytes(StandardCharsets.US_ASCII));
      exchange.getResponseBody().flush();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // an exception out of the handler, the exchange left open: the server drops the connection
    throw new IOException("the upstream breaks off");
  }

  private long read(InputStream in, MessageDigest digest, boolean signalFirstPart)
      throws IOException {
    byte[] buffer = new byte[8192];
    long length = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
      length += n;
      if (signalFirstPart && length >= FIRST_PART) {
        firstPartArrived.countDown();
      }
    }
    return length;
  }

  private void stream(HttpExchange exchange) throws IOException, InterruptedException {
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write("first\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    boolean released = release.await(10, TimeUnit.SECONDS);
    out.write((released ? "second\n" : "late\n").getBytes(StandardCharsets.US_ASCII));
  }

  /** The {@code status} parameter of the query, 200 without one. */
  private static int status(String query) {
    if (query != null) {
      for (String parameter : query.split("&")) {
        if (parameter.startsWith("status=")) {
          return Integer.parseInt(parameter.substring("status=".length()));
        }
      }
    }
    return 200;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
