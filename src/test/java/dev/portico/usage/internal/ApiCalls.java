package dev.portico.usage.internal;

import dev.portico.apikeys.IssuedApiKey;
import dev.portico.support.TestApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to a node's {@code /api/**} with an API key (Basic) or a Bearer token. */
final class ApiCalls {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ApiCalls() {}

  static HttpResponse<String> withKey(int port, String path, IssuedApiKey key) {
    return get(port, path, TestApiKeys.basic(key));
  }

  static HttpResponse<String> withToken(int port, String path, String token) {
    return get(port, path, "Bearer " + token);
  }

  static HttpResponse<String> get(int port, String path, String authorization) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30))
            .GET();
    if (!authorization.isEmpty()) {
      builder.header("Authorization", authorization);
    }
    HttpRequest request = builder.build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Basic credentials with a wrong secret: 401. */
  static String wrongSecret(IssuedApiKey key) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((key.key().accessKey() + ":wrong-secret-wrong").getBytes());
  }
}
