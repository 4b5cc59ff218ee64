package dev.portico.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.applications.IssuedApplication;
import dev.portico.support.ConsoleClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP OAuth client of one Portico node (no Spring OAuth client code): gets codes through
 * the console (a signed-in {@link ConsoleClient} authorizes and consents), calls the token and
 * introspection endpoints. The one place that knows the consent page: {@link #code}.
 */
final class OAuthTestClient {

  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  OAuthTestClient(int port) {
    this.port = port;
  }

  /** Access and refresh token of a token response. */
  record Tokens(String access, String refresh) {}

  /**
   * A code for the app: the signed-in browser authorizes with this redirect URI (null: none sent),
   * scope {@code OAuth2Read} and these extra query parameters (e.g. {@code &code_challenge=…}),
   * consenting if asked.
   */
  String code(
      ConsoleClient browser, IssuedApplication app, @Nullable String redirect, String extra) {
    String clientId = app.application().clientId();
    String state = "st-" + UUID.randomUUID();
    HttpResponse<String> answer =
        browser.get(
            "/oauth/authorize?response_type=code&client_id="
                + enc(clientId)
                + (redirect == null ? "" : "&redirect_uri=" + enc(redirect))
                + "&scope=OAuth2Read&state="
                + state
                + extra);
    answer = OAuthFlow.consented(browser, answer);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    URI callback = URI.create(answer.headers().firstValue("Location").orElseThrow());
    Map<String, String> query = query(callback.getRawQuery());
    assertThat(query).as(callback.toString()).containsEntry("state", state).containsKey("code");
    return query.get("code");
  }

  /** Exchanges the code with the secret in the body; asserts success. */
  Tokens exchange(IssuedApplication app, String code, String redirect, String extra) {
    HttpResponse<String> answer = exchangeAnswer(app, code, redirect, extra);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return tokens(answer);
  }

  HttpResponse<String> exchangeAnswer(
      IssuedApplication app, String code, @Nullable String redirect, String extra) {
    return token(
        "grant_type=authorization_code&code="
            + enc(code)
            + (redirect == null ? "" : "&redirect_uri=" + enc(redirect))
            + "&client_id="
            + enc(app.application().clientId())
            + "&client_secret="
            + enc(app.clientSecret())
            + extra,
        null);
  }

  /** Refreshes with the secret in Basic; answers the raw response. */
  HttpResponse<String> refresh(IssuedApplication app, String refreshToken) {
    return token("grant_type=refresh_token&refresh_token=" + enc(refreshToken), basic(app));
  }

  /** Whether introspection (by the app itself) says the token is active. */
  boolean active(IssuedApplication app, String token) {
    HttpResponse<String> answer = post("/oauth/introspect", "token=" + enc(token), basic(app));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer).get("active").asBoolean();
  }

  HttpResponse<String> token(String body, @Nullable String basic) {
    return post("/oauth/token", body, basic);
  }

  HttpResponse<String> post(String path, String body, @Nullable String basic) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (basic != null) {
      request.header("Authorization", basic);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Tokens tokens(HttpResponse<String> answer) {
    JsonNode body = json(answer);
    return new Tokens(body.get("access_token").asString(), body.get("refresh_token").asString());
  }

  static JsonNode json(HttpResponse<String> answer) {
    return JsonMapper.shared().readTree(answer.body());
  }

  /** The RFC 6749 §5.2 error code of a JSON error answer (asserts it is JSON). */
  static String error(HttpResponse<String> answer) {
    assertThat(answer.headers().firstValue("Content-Type"))
        .as(answer.body())
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode error = json(answer).get("error");
    assertThat(error).as(answer.body()).isNotNull();
    return error.asString();
  }

  static String basic(IssuedApplication app) {
    return basic(app.application().clientId(), app.clientSecret());
  }

  static String basic(String clientId, String secret) {
    String pair = enc(clientId) + ":" + enc(secret);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** A PKCE S256 verifier and the query parameters of its challenge. */
  record Pkce(String verifier, String challengeParameters) {
    static Pkce fresh() {
      String verifier = "v-" + UUID.randomUUID() + "-" + UUID.randomUUID();
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        return new Pkce(verifier, "&code_challenge=" + challenge + "&code_challenge_method=S256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return values;
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
