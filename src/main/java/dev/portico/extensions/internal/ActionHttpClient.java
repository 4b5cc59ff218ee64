package dev.portico.extensions.internal;

import dev.portico.extensions.ExtensionsSettings;
import dev.portico.extensions.internal.ActionCallFailed.Reason;
import dev.portico.system.CheckedDnsResolver;
import dev.portico.system.CheckedDnsResolver.AddressRefused;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The HTTP client of extension actions (EXT-4), on Apache HttpClient 5, hardened for calling URLs
 * that app developers wrote:
 *
 * <ul>
 *   <li>every host is resolved by {@link CheckedDnsResolver}, which refuses non-public addresses
 *       unless {@code allow-private-addresses} is on, and the connection goes to exactly the
 *       addresses it checked (no proxy, no second lookup: DNS rebinding cannot pass);
 *   <li>one deadline ({@code timeout}) for the whole call, redirects and reading included: a
 *       watchdog cancels the request when it passes, so a server that trickles bytes is cut off;
 *   <li>the answer is read up to {@code max-response-bytes} and refused beyond, while it streams;
 *   <li>no automatic redirects: at most {@code max-redirects} are followed here, only to the same
 *       host, on https (http only when the call was to http://localhost); the bearer token never
 *       travels to another host;
 *   <li>no cookies, no retries, no compression. Nothing here logs a header: the Authorization
 *       header stays out of the log (and HttpClient's own header and wire logs are off in {@code
 *       application.properties}).
 * </ul>
 */
public class ActionHttpClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ActionHttpClient.class);

  private final ExtensionsSettings.Actions settings;
  private final CloseableHttpClient client;
  private final ScheduledThreadPoolExecutor deadlines;

  public ActionHttpClient(ExtensionsSettings.Actions settings) {
    this.settings = settings;
    Timeout connect = Timeout.ofMilliseconds(settings.connectTimeout().toMillis());
    ConnectionConfig connection =
        ConnectionConfig.custom()
            .setConnectTimeout(connect)
            .setSocketTimeout(Timeout.ofMilliseconds(settings.timeout().toMillis()))
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new CheckedDnsResolver(settings.allowPrivateAddresses()))
                    .setDefaultConnectionConfig(connection)
                    .setMaxConnTotal(200)
                    .setMaxConnPerRoute(20)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(connect)
                    .setRedirectsEnabled(false)
                    .build())
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAutomaticRetries()
            .disableAuthCaching()
            .disableContentCompression()
            .setUserAgent("Portico-Extensions/1")
            .build();
    CustomizableThreadFactory threads = new CustomizableThreadFactory("portico-action-deadline-");
    threads.setDaemon(true);
    this.deadlines = new ScheduledThreadPoolExecutor(1, threads);
    this.deadlines.setRemoveOnCancelPolicy(true);
  }

  /** Makes the call, following same-host redirects, and returns the final answer. */
  public Answer send(Call call) throws ActionCallFailed {
    URI original = checked(call.uri());
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    String method = call.method();
    String body = call.jsonBody();
    URI target = original;
    for (int redirects = 0; ; redirects++) {
      Hop hop = exchange(method, target, body, call.bearerToken(), deadline);
      if (hop.location() == null) {
        return hop.answer();
      }
      if (redirects >= settings.maxRedirects()) {
        throw refused(
            Reason.REDIRECT_REFUSED,
            target,
            "The action redirected more than " + settings.maxRedirects() + " times.");
      }
      target = RedirectRule.next(original, target, hop.location());
      int status = hop.answer().status();
      if (status == 303 || ((status == 301 || status == 302) && !method.equals("GET"))) {
        method = "GET"; // as browsers do; 307 and 308 keep the method and the body
        body = null;
      }
    }
  }

  private Hop exchange(
      String method, URI target, @Nullable String body, @Nullable String token, long deadline)
      throws ActionCallFailed {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw timedOut(target);
    }
    HttpUriRequestBase request = new HttpUriRequestBase(method, target);
    request.setHeader(HttpHeaders.ACCEPT, "application/json");
    if (token != null) {
      request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    if (body != null) {
      request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
    }
    request.setConfig(
        RequestConfig.copy(RequestConfig.DEFAULT)
            .setRedirectsEnabled(false)
            .setConnectionRequestTimeout(
                Timeout.ofMilliseconds(settings.connectTimeout().toMillis()))
            .setResponseTimeout(Timeout.ofMilliseconds(Math.max(1, remaining / 1_000_000)))
            .build());
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> watchdog =
        deadlines.schedule(
            () -> {
              expired.set(true);
              request.cancel();
            },
            remaining,
            TimeUnit.NANOSECONDS);
    ClassicHttpResponse response = null;
    try {
      response = client.executeOpen(null, request, null);
      int status = response.getCode();
      Header location = response.getFirstHeader(HttpHeaders.LOCATION);
      if (isRedirect(status) && location != null) {
        request.cancel(); // close the connection instead of reading the redirect's body
        return new Hop(new Answer(status, null, new byte[0]), location.getValue());
      }
      HttpEntity entity = response.getEntity();
      byte[] bytes = read(entity, request, target);
      return new Hop(
          new Answer(status, entity == null ? null : entity.getContentType(), bytes), null);
    } catch (AddressRefused e) {
      log.warn(
          "Extension action refused: {} resolves to {} ({})", e.host(), e.address(), e.reason());
      throw new ActionCallFailed(
          Reason.ADDRESS_REFUSED,
          "Refused: the action's host "
              + e.host()
              + " is "
              + e.reason()
              + ", and Portico calls only public addresses.");
    } catch (IOException e) {
      throw expired.get() || e instanceof InterruptedIOException
          ? timedOut(target)
          : unreachable(target, e);
    } finally {
      watchdog.cancel(false);
      closeQuietly(response);
    }
  }

  private byte[] read(@Nullable HttpEntity entity, HttpUriRequestBase request, URI target)
      throws IOException, ActionCallFailed {
    if (entity == null) {
      return new byte[0];
    }
    long max = settings.maxResponseBytes().toBytes();
    if (entity.getContentLength() > max) {
      request.cancel();
      throw tooLarge(target, max);
    }
    try (InputStream in = entity.getContent()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, 8192));
      byte[] buffer = new byte[8192];
      long total = 0;
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        total += n;
        if (total > max) {
          request.cancel(); // stop the stream here, do not drain it
          throw tooLarge(target, max);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static URI checked(URI uri) throws ActionCallFailed {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http"))
        || uri.getHost() == null
        || uri.getRawUserInfo() != null) {
      throw new ActionCallFailed(
          Reason.INVALID_URL, "The action URL is not an absolute http(s) URL with a host.");
    }
    return uri;
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  static ActionCallFailed refused(Reason reason, URI target, String message) {
    log.warn("Extension action to {} refused: {}", target.getHost(), message);
    return new ActionCallFailed(reason, message);
  }

  private ActionCallFailed timedOut(URI target) {
    log.warn("Extension action to {} timed out after {}", target.getHost(), settings.timeout());
    return new ActionCallFailed(
        Reason.TIMEOUT,
        "The action's server did not answer within " + settings.timeout().toSeconds() + " s.");
  }

  private static ActionCallFailed tooLarge(URI target, long max) {
    return refused(
        Reason.TOO_LARGE,
        target,
        "Refused: the action's answer is larger than " + max / 1024 + " KiB.");
  }

  private static ActionCallFailed unreachable(URI target, IOException e) {
    String what =
        e instanceof UnknownHostException
            ? "was not found"
            : e instanceof ConnectException ? "refused the connection" : "could not be reached";
    log.warn("Extension action to {} failed: {}", target.getHost(), e.toString());
    return new ActionCallFailed(
        Reason.UNREACHABLE, "The action's server " + target.getHost() + " " + what + ".");
  }

  private static void closeQuietly(@Nullable ClassicHttpResponse response) {
    if (response != null) {
      try {
        response.close();
      } catch (IOException e) {
        // the call is over; a failure to close the connection changes nothing for the caller
      }
    }
  }

  @Override
  public void close() throws IOException {
    deadlines.shutdownNow();
    client.close();
  }

  /**
   * One call: the method, the resolved URL, the JSON body (POST) and the bearer token (never
   * printed: {@link #toString()} leaves it out).
   */
  public record Call(
      String method, URI uri, @Nullable String jsonBody, @Nullable String bearerToken) {

    @Override
    public String toString() {
      return "Call[" + method + " " + uri.getHost() + (bearerToken == null ? "" : ", bearer") + "]";
    }
  }

  /** The final answer: its status, content type and body (at most the size limit). */
  public record Answer(int status, @Nullable String contentType, byte[] body) {}

  private record Hop(Answer answer, @Nullable String location) {}
}
