package dev.portico.accounts;

import dev.portico.support.ConsoleClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser over plain sockets, for what {@code java.net.http} cannot do on Java 17: connect
 * <em>from</em> a chosen loopback address ({@code 127.0.0.2}: Linux answers the whole {@code
 * 127.0.0.0/8}), send any {@code Host} header, and forged proxy headers. HTTP/1.0, one connection
 * per request; keeps cookies by name, like a browser for one site.
 */
final class RawBrowser {

  private final int port;
  private final InetAddress from;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String host;

  RawBrowser(int port, String fromAddress) {
    this.port = port;
    try {
      this.from = InetAddress.getByName(fromAddress);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.host = "localhost:" + port;
  }

  /** Sends this {@code Host} header from now on. */
  RawBrowser host(String host) {
    this.host = host;
    return this;
  }

  /** Sends this extra header on every request from now on. */
  RawBrowser header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response post(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send("POST", path, body);
  }

  /** Posts a form with the CSRF token of the page at {@code formPage}. */
  Response submit(String formPage, String action, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("_csrf", ConsoleClient.csrfToken(get(formPage).body()));
    return post(action, form);
  }

  Response signIn(String email, String password) {
    return submit("/login", "/login", Map.of("email", email, "password", password));
  }

  /** Follows redirects (GET) to the first page that is not one. */
  Response follow(Response response) {
    Response current = response;
    for (int hops = 0; hops < 10 && current.isRedirect(); hops++) {
      current = get(current.location());
    }
    return current;
  }

  Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  private Response send(String method, String path, String body) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder();
      request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      request.append("Connection: close\r\n");
      request.append("Host: ").append(host).append("\r\n");
      headers.forEach((n, v) -> request.append(n).append(": ").append(v).append("\r\n"));
      if (!cookies.isEmpty()) {
        request
            .append("Cookie: ")
            .append(
                cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")))
            .append("\r\n");
      }
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (body != null) {
        request.append("Content-Type: application/x-www-form-urlencoded\r\n");
        request.append("Content-Length: ").append(content.length).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      Response response = parse(socket.getInputStream());
      response.setCookies().forEach(this::keepCookie);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void keepCookie(String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    int eq = pair.indexOf('=');
    String name = pair.substring(0, eq).trim();
    String value = pair.substring(eq + 1).trim();
    boolean deleted = value.isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0");
    if (deleted) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }

  private static Response parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    if (head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked")) {
      body = unchunk(body);
    }
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(
          Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
    }
    return new Response(status, headers, body);
  }

  private static String unchunk(String chunked) {
    // sizes count bytes; the console's pages are ASCII apart from user input, so decode bytes
    byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < bytes.length) {
      int lineEnd = i;
      while (lineEnd + 1 < bytes.length
          && !(bytes[lineEnd] == '\r' && bytes[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String sizeLine = new String(bytes, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0];
      int size = Integer.parseInt(sizeLine.trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(bytes, lineEnd + 2, size);
      i = lineEnd + 2 + size + 2;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** One answer: status, headers in order, body. */
  record Response(int status, List<Map.Entry<String, String>> headers, String body) {

    Optional<String> header(String name) {
      return headers.stream()
          .filter(h -> h.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst();
    }

    List<String> setCookies() {
      return headers.stream()
          .filter(h -> h.getKey().equalsIgnoreCase("Set-Cookie"))
          .map(Map.Entry::getValue)
          .toList();
    }

    boolean isRedirect() {
      return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The {@code Location} header exactly as sent. */
    String location() {
      return header("Location").orElseThrow(() -> new AssertionError("no Location: " + this));
    }
  }
}
