package dev.portico.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@link SystemSettings#maxRequestBody()} (§14) before anything reads
 * them: a declared {@code Content-Length} over the limit answers 413 at once; a body without one
 * (chunked) is cut off when it passes the limit, which {@link ProblemDetailsAdvice} answers with
 * 413 too. Form posts are also bounded by Tomcat ({@code server.tomcat.max-http-form-post-size}),
 * multipart uploads by {@code spring.servlet.multipart.*}. A request whose body a module streams
 * under a limit of its own ({@link StreamedRequestBodies}, the upstream proxy) is left to it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

  private final long limit;
  private final ObjectProvider<StreamedRequestBodies> streamed;

  RequestBodyLimitFilter(SystemSettings settings, ObjectProvider<StreamedRequestBodies> streamed) {
    this.limit = settings.maxRequestBody().toBytes();
    this.streamed = streamed;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      chain.doFilter(request, response);
      return;
    }
    if (mayExceed(request) && streamed.stream().anyMatch(s -> s.claims(request))) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > limit) {
      log.warn(
          "Request refused: 413 body of {} bytes on {}",
          request.getContentLengthLong(),
          request.getRequestURI());
      refuse(response, limit);
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  /** A body declared over the limit, or chunked: the only ones another module may claim. */
  private boolean mayExceed(HttpServletRequest request) {
    long declared = request.getContentLengthLong();
    return declared > limit || (declared < 0 && request.getHeader("Transfer-Encoding") != null);
  }

  /** Writes the 413 problem; its text is fixed, so no JSON library is needed. */
  static void refuse(HttpServletResponse response, long limit) throws IOException {
    response.setStatus(413);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\""
                + ProblemDetailsAdvice.TYPE_BASE
                + "payload-too-large\",\"title\":\"Payload too large\",\"status\":413,"
                + "\"detail\":\""
                + detail(limit)
                + "\"}");
  }

  static String detail(long limit) {
    long mib = 1024 * 1024;
    String size = limit % mib == 0 ? (limit / mib) + " MiB" : limit + " bytes";
    return "The request body is larger than " + size + ".";
  }

  /** A body read past the limit. */
  static final class BodyTooLarge extends IOException {

    private static final long serialVersionUID = 1L;

    BodyTooLarge(long limit) {
      super(detail(limit));
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private @Nullable ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream current = stream;
      if (current == null) {
        current = new LimitedInputStream(super.getInputStream(), limit);
        stream = current;
      }
      return current;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long read;

    LimitedInputStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLarge {
      read += n;
      if (read > limit) {
        throw new BodyTooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
