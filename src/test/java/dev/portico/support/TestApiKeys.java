package dev.portico.support;

import dev.portico.accounts.Scope;
import dev.portico.accounts.Stack;
import dev.portico.accounts.User;
import dev.portico.apikeys.ApiKeyManagement;
import dev.portico.apikeys.IssuedApiKey;
import dev.portico.apikeys.NewApiKey;
import dev.portico.system.Actor;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * API keys for tests, and a request signer written independently of the gateway's code (KEY-5), so
 * that wire-format tests do not test the code with itself.
 */
@Component
public class TestApiKeys {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final ApiKeyManagement keys;

  public TestApiKeys(ApiKeyManagement keys) {
    this.keys = keys;
  }

  /** A key of the user's company (or personal account) on the public stack with these scopes. */
  public IssuedApiKey issue(User user, Scope... scopes) {
    UUID account = user.companyId() != null ? user.companyId() : user.personalAccountId();
    return issue(user, account, new Stack(null, "localhost"), scopes);
  }

  public IssuedApiKey issue(User user, UUID accountId, Stack stack, Scope... scopes) {
    Set<Scope> set =
        scopes.length == 0 ? EnumSet.allOf(Scope.class) : EnumSet.of(scopes[0], scopes);
    return keys.create(Actor.SYSTEM, accountId, new NewApiKey("test key", user.id(), set), stack);
  }

  /** {@code Authorization: Basic base64(accessKey:secretKey)} (KEY-6). */
  public static String basic(IssuedApiKey key) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (key.key().accessKey() + ":" + key.secretKey()).getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh random nonce of 25 alphanumeric characters. */
  public static String nonce() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      sb.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return sb.toString();
  }

  public static String httpDate(Instant at) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC));
  }

  /**
   * The headers of a signed request: {@code Date}, {@code On-Nonce}, {@code Content-Type} and
   * {@code Authorization: On <accessKey>:HmacSHA256:<signature>}.
   */
  public static Map<String, String> signedHeaders(
      IssuedApiKey key,
      String method,
      String path,
      String query,
      String contentType,
      String nonce,
      Instant at) {
    String date = httpDate(at);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Date", date);
    headers.put("On-Nonce", nonce);
    headers.put("Content-Type", contentType);
    headers.put(
        "Authorization",
        "On "
            + key.key().accessKey()
            + ":HmacSHA256:"
            + signature(key.secretKey(), method, nonce, date, contentType, path, query));
    return headers;
  }

  /**
   * The signature as SPEC KEY-5 words it, written from that text alone (never from the gateway's
   * code): {@code Base64(HMAC-SHA256(secretKey, lower(method+"\n"+nonce+"\n"+date+"\n"+
   * contentType+"\n"+path+"\n"+query+"\n")))}, path and query raw (still percent-encoded), query
   * empty if none. {@code TestApiKeysTests} checks it against the reference documentation's
   * vectors.
   */
  public static String signature(
      String secretKey,
      String method,
      String nonce,
      String date,
      String contentType,
      String path,
      String query) {
    StringBuilder text = new StringBuilder();
    for (String line : List.of(method, nonce, date, contentType, path, query)) {
      text.append(line).append('\n');
    }
    byte[] signed = text.toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(hmac.doFinal(signed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
