package dev.portico.gateway.internal;

import dev.portico.accounts.ApiCaller;
import dev.portico.gateway.GatewaySettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.coyote.CloseNowException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;

/**
 * The upstream proxy (API-3): forwards a call that no Portico endpoint answers to {@code
 * portico.gateway.upstream} with the JDK {@link HttpClient} (HTTP/1.1, redirects passed back, not
 * followed), after the security chain authenticated it, checked its scope (upstream path rules
 * included) and rate limit; the filter around it meters the upstream's status as group {@code
 * proxy}. Bodies stream both ways ({@link UpstreamRequestBody}, {@link UpstreamResponseBody});
 * headers are filtered by {@link UpstreamHeaders}; failures before the answer began are problems
 * ({@link UpstreamProblems}: 502 unreachable or a broken answer, 504 timeouts, 413), never a 500.
 * An answer that breaks off after it began closes the connection, so the caller cannot take a
 * truncated body for a whole one.
 */
@Component
class UpstreamProxy implements HttpRequestHandler {

  private static final Logger log = LoggerFactory.getLogger(UpstreamProxy.class);

  /** An upstream and the client that reaches it (the connect timeout is the client's). */
  private record Route(Upstream upstream, HttpClient client) {}

  private volatile @Nullable Route route;

  UpstreamProxy(GatewaySettings settings) {
    pointAt(Upstream.of(settings));
  }

  /** Whether an upstream is configured: without one, no path is proxied (404, as before). */
  boolean enabled() {
    return route != null;
  }

  /**
   * Sends later calls to this upstream (null: none). The configured upstream is set at start; the
   * tests of the shared context point it at a server of their own and back.
   */
  final void pointAt(@Nullable Upstream upstream) {
    this.route =
        upstream == null
            ? null
            : new Route(
                upstream,
                HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(upstream.connectTimeout())
                    .build());
  }

  /** The body limit of proxied calls, or -1 when nothing is proxied. */
  long maxRequestBody() {
    Route current = route;
    return current == null ? -1 : current.upstream().maxRequestBody();
  }

  @Override
  public void handleRequest(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Route current = route;
    ApiCaller caller = caller();
    if (current == null || caller == null) {
      // the upstream was unset after this call was mapped, or no chain authenticated it
      UpstreamProblems.notFound(response);
      return;
    }
    Upstream upstream = current.upstream();
    long declared = request.getContentLengthLong();
    if (declared > upstream.maxRequestBody()) {
      log.warn("Proxy refused: 413 body of {} bytes on {}", declared, request.getRequestURI());
      UpstreamProblems.tooLarge(response, upstream.maxRequestBody());
      return;
    }
    URI target;
    try {
      target =
          upstream.target(
              request.getRequestURI().substring(request.getContextPath().length()),
              request.getQueryString());
    } catch (IllegalArgumentException malformed) {
      UpstreamProblems.badTarget(response);
      return;
    }
    UpstreamRequestBody body =
        new UpstreamRequestBody(request.getInputStream(), upstream.maxRequestBody());
    try {
      HttpRequest.Builder call =
          HttpRequest.newBuilder(target)
              .method(
                  request.getMethod(),
                  body.publisher(declared, request.getHeader("Transfer-Encoding") != null));
      UpstreamHeaders.forward(request, caller, call);
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> answer =
          exchange(current, call.build(), body, request, response);
      if (answer != null) {
        relay(answer, request, response, upstream);
      }
    } finally {
      body.detach();
    }
  }

  /** Sends the call and waits for the answer's head; on failure writes the problem, gives null. */
  private @Nullable HttpResponse<Flow.Publisher<List<ByteBuffer>>> exchange(
      Route current,
      HttpRequest call,
      UpstreamRequestBody body,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> pending =
        current.client().sendAsync(call, BodyHandlers.ofPublisher());
    Upstream upstream = current.upstream();
    long timeout = upstream.readTimeout().toNanos();
    try {
      while (true) {
        long wait = body.lastMoved() + timeout - System.nanoTime();
        if (wait <= 0) {
          throw new TimeoutException();
        }
        try {
          return pending.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException stillSending) {
          // the request body may have moved meanwhile: wait on from its last move
        }
      }
    } catch (TimeoutException silent) {
      pending.cancel(true);
      log.warn("Proxy failed: 504 no answer in time {} {}", call.method(), request.getRequestURI());
      UpstreamProblems.readTimeout(response, upstream.readTimeout());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      pending.cancel(true);
      UpstreamProblems.badAnswer(response);
    } catch (ExecutionException failed) {
      fail(failed.getCause(), body, request, response, upstream);
    }
    return null;
  }

  private void fail(
      @Nullable Throwable cause,
      UpstreamRequestBody body,
      HttpServletRequest request,
      HttpServletResponse response,
      Upstream upstream)
      throws IOException {
    IOException bodyFailure = body.failure();
    if (bodyFailure instanceof UpstreamRequestBody.TooLarge) {
      log.warn("Proxy refused: 413 body over the limit on {}", request.getRequestURI());
      UpstreamProblems.tooLarge(response, upstream.maxRequestBody());
    } else if (bodyFailure != null) {
      // the caller stopped sending: nobody is left to answer
      log.debug(
          "Proxy call abandoned by the caller on {}: {}", request.getRequestURI(), bodyFailure);
      response.setStatus(400);
    } else if (cause instanceof HttpConnectTimeoutException) {
      log.warn("Proxy failed: 504 connect timeout on {}", request.getRequestURI());
      UpstreamProblems.connectTimeout(response, upstream.connectTimeout());
    } else if (isUnreachable(cause)) {
      log.warn(
          "Proxy failed: 502 upstream unreachable on {}: {}",
          request.getRequestURI(),
          String.valueOf(cause));
      UpstreamProblems.unreachable(response);
    } else {
      log.warn(
          "Proxy failed: 502 no valid answer on {}: {}",
          request.getRequestURI(),
          String.valueOf(cause));
      UpstreamProblems.badAnswer(response);
    }
  }

  /** Status, headers and the streamed body of the upstream's answer. */
  private void relay(
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> answer,
      HttpServletRequest request,
      HttpServletResponse response,
      Upstream upstream)
      throws IOException {
    UpstreamResponseBody body = new UpstreamResponseBody(upstream.readTimeout());
    answer.body().subscribe(body);
    response.setStatus(answer.statusCode());
    UpstreamHeaders.copyBack(answer.headers(), response, upstream);
    try {
      body.copyTo(response.getOutputStream());
    } catch (UpstreamResponseBody.BrokenOff broken) {
      log.warn("Proxy answer broke off on {}: {}", request.getRequestURI(), broken.getMessage());
      if (!response.isCommitted()) {
        // nothing of it reached the caller yet: a clean 502 instead of the upstream's head
        String remaining = response.getHeader(ApiResponses.RATE_LIMIT_REMAINING);
        response.reset();
        if (remaining != null) {
          response.setHeader(ApiResponses.RATE_LIMIT_REMAINING, remaining);
        }
        UpstreamProblems.badAnswer(response);
        return;
      }
      // Tomcat's signal to drop the connection without completing the body (no final chunk), so
      // the caller sees the cut. Without a cause: Spring takes an EOF in the chain for a client
      // that went away and would end the answer cleanly, as if it were whole.
      throw new CloseNowException("the upstream's answer broke off");
    }
  }

  private static boolean isUnreachable(@Nullable Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable ApiCaller caller() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ApiCaller caller ? caller : null;
  }
}
