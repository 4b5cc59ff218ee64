package dev.portico.gateway.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import org.jspecify.annotations.Nullable;

/**
 * The caller's request body on its way upstream: read by the HTTP client's threads as the upstream
 * takes it ({@link BodyPublishers#ofInputStream}), never held whole; bounded by the proxy's limit;
 * and detached when the call ends, so that no client thread still reads the servlet stream once the
 * container has taken the request back. It also tells the proxy when it last moved (the read
 * timeout counts silence, not the length of an upload) and why it failed, if it did.
 */
final class UpstreamRequestBody extends InputStream {

  /** The body passed the proxy's limit. */
  static final class TooLarge extends IOException {

    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("request body over the upstream limit");
    }
  }

  private final InputStream in;
  private final long limit;
  private long read;
  private boolean detached;
  private volatile long lastMoved = System.nanoTime();
  private volatile @Nullable IOException failure;

  UpstreamRequestBody(InputStream in, long limit) {
    this.in = in;
    this.limit = limit;
  }

  /**
   * The publisher of this body: none for an empty body, a fixed length when declared (chunked
   * otherwise).
   */
  BodyPublisher publisher(long declaredLength, boolean chunked) {
    if (declaredLength == 0 || (declaredLength < 0 && !chunked)) {
      return BodyPublishers.noBody();
    }
    BodyPublisher stream = BodyPublishers.ofInputStream(() -> this);
    return declaredLength > 0
        ? HttpRequest.BodyPublishers.fromPublisher(stream, declaredLength)
        : stream;
  }

  @Override
  public synchronized int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
    if (detached) {
      throw new IOException("the call has ended");
    }
    int n;
    try {
      n = in.read(buffer, offset, length);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
    lastMoved = System.nanoTime();
    if (n > 0) {
      read += n;
      if (read > limit) {
        TooLarge tooLarge = new TooLarge();
        failure = tooLarge;
        throw tooLarge;
      }
    }
    return n;
  }

  /** When the body last moved, in {@link System#nanoTime()}: the start if it has not. */
  long lastMoved() {
    return lastMoved;
  }

  /**
   * Why reading the caller's body failed (the caller went away, it passed the limit), if it did.
   */
  @Nullable IOException failure() {
    return failure;
  }

  /** Waits for a read in progress to end; later reads fail. */
  synchronized void detach() {
    detached = true;
  }
}
