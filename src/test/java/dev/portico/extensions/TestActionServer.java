package dev.portico.extensions;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An action server for the tests: the JDK's {@link HttpServer} on 127.0.0.1 at a free port,
 * independent of the client under test. It records every request it got ({@link #seen}) and answers
 * by path:
 *
 * <ul>
 *   <li>{@code /json}: 200 {@code {"ok":true}};
 *   <li>{@code /answer}: what {@link #answer(int, String, String)} set last;
 *   <li>{@code /text}: 200 {@code text/plain};
 *   <li>{@code /huge?size=n}: n bytes of a JSON array, streamed chunked (no Content-Length); {@code
 *       &declared} sends a Content-Length instead;
 *   <li>{@code /slow}: answers once {@link #release} is counted down (or after 10 s);
 *   <li>{@code /redirect?to=url&status=302}: a redirect to that URL;
 *   <li>{@code /loop}: redirects to itself, for ever;
 *   <li>{@code /cookie}: sets a cookie and redirects to {@code /json}.
 * </ul>
 */
public final class TestActionServer implements AutoCloseable {

  /** One request as the server saw it. */
  public record Seen(String method, String path, String rawQuery, Headers headers, String body) {

    public String authorization() {
      return headers.getFirst("Authorization");
    }

    /** The query's parameters, decoded. */
    public Map<String, String> query() {
      Map<String, String> params = new LinkedHashMap<>();
      if (rawQuery == null) {
        return params;
      }
      for (String pair : rawQuery.split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
      return params;
    }

    private static String decode(String s) {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
  }

  public final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
  public volatile CountDownLatch release = new CountDownLatch(1);

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private volatile int answerStatus = 200;
  private volatile String answerType = "application/json";
  private volatile String answerBody = "{}";

  public TestActionServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:port}. */
  public String base() {
    return base("127.0.0.1");
  }

  /** The server under another name: {@code http://host:port}. */
  public String base(String host) {
    return "http://" + host + ":" + port();
  }

  /** What {@code /answer} answers from now on. */
  public void answer(int status, String contentType, String body) {
    answerStatus = status;
    answerType = contentType;
    answerBody = body;
  }

  /** Forgets what was seen, re-arms {@link #release} and resets {@code /answer}. */
  public void reset() {
    seen.clear();
    release.countDown();
    release = new CountDownLatch(1);
    answer(200, "application/json", "{}");
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Seen request =
        new Seen(exchange.getRequestMethod(), path, rawQuery, exchange.getRequestHeaders(), body);
    seen.add(request);
    Map<String, String> q = request.query();
    try (exchange) {
      switch (path) {
        case "/json" -> send(exchange, 200, "application/json", "{\"ok\":true}");
        case "/answer" -> send(exchange, answerStatus, answerType, answerBody);
        case "/text" -> send(exchange, 200, "text/plain", "plain text, not JSON");
        case "/huge" -> huge(exchange, Integer.parseInt(q.get("size")), q.containsKey("declared"));
        case "/slow" -> slow(exchange);
        case "/redirect" -> redirect(exchange, q.getOrDefault("status", "302"), q.get("to"));
        case "/loop" -> redirect(exchange, "302", "/loop");
        case "/cookie" -> {
          exchange.getResponseHeaders().add("Set-Cookie", "session=s3cr3t; Path=/");
          redirect(exchange, "302", "/json");
        }
        default -> send(exchange, 404, "application/json", "{\"error\":\"no such path\"}");
      }
    }
  }

  private void slow(HttpExchange exchange) throws IOException {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    send(exchange, 200, "application/json", "{\"late\":true}");
  }

  private static void huge(HttpExchange exchange, int size, boolean declared) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, declared ? size : 0);
    byte[] chunk = new byte[8192];
    Arrays.fill(chunk, (byte) ' ');
    try (OutputStream out = exchange.getResponseBody()) {
      out.write('[');
      for (int left = size - 2; left > 0; left -= chunk.length) {
        out.write(chunk, 0, Math.min(left, chunk.length));
      }
      out.write(']');
    } catch (IOException e) {
      // the client hung up once it had enough: that is the point
    }
  }

  private static void redirect(HttpExchange exchange, String status, String to) throws IOException {
    exchange.getResponseHeaders().add("Location", to);
    exchange.sendResponseHeaders(Integer.parseInt(status), -1);
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
