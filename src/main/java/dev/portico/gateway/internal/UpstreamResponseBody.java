package dev.portico.gateway.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The upstream's response body on its way to the caller, chunk by chunk as it arrives ({@code
 * BodyHandlers.ofPublisher}), never held whole: a few chunks are requested ahead, each is written
 * to the servlet output, and the output is flushed whenever no further chunk is waiting — so a slow
 * or streaming upstream reaches the caller at its own pace, a fast one in full buffers.
 *
 * <p>Unlike {@code BodyHandlers.ofInputStream}, whose reads wait forever once the headers came,
 * every wait here is bounded by the read timeout: an upstream silent for longer is cancelled.
 */
final class UpstreamResponseBody implements Flow.Subscriber<List<ByteBuffer>> {

  /** The upstream failed or fell silent after its answer had begun. */
  static final class BrokenOff extends IOException {

    private static final long serialVersionUID = 1L;

    BrokenOff(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  private static final int AHEAD = 4;
  private static final Object COMPLETE = new Object();

  private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
  private final long timeoutNanos;
  private volatile Flow.@Nullable Subscription subscription;
  private volatile boolean cancelled;

  UpstreamResponseBody(Duration readTimeout) {
    this.timeoutNanos = readTimeout.toNanos();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (cancelled) {
      subscription.cancel();
    } else {
      subscription.request(AHEAD);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    chunks.add(item);
  }

  @Override
  public void onError(Throwable failure) {
    chunks.add(failure);
  }

  @Override
  public void onComplete() {
    chunks.add(COMPLETE);
  }

  /**
   * Copies the whole body to {@code out}; returns the bytes copied.
   *
   * @throws BrokenOff if the upstream failed or was silent for longer than the read timeout
   * @throws IOException if writing to the caller failed (the upstream is cancelled then)
   */
  long copyTo(OutputStream out) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    long copied = 0;
    try {
      for (Object next = take(); next != COMPLETE; next = take()) {
        @SuppressWarnings("unchecked")
        List<ByteBuffer> chunk = (List<ByteBuffer>) next;
        for (ByteBuffer bytes : chunk) {
          while (bytes.hasRemaining()) {
            int n = Math.min(buffer.length, bytes.remaining());
            bytes.get(buffer, 0, n);
            out.write(buffer, 0, n);
            copied += n;
          }
        }
        requestOne();
        if (chunks.isEmpty()) {
          out.flush();
        }
      }
      return copied;
    } catch (IOException | RuntimeException e) {
      cancel();
      throw e;
    }
  }

  /** Stops the upstream's body: nothing more is read from it. */
  void cancel() {
    cancelled = true;
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }

  private Object take() throws IOException {
    Object next;
    try {
      next = chunks.poll(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading the upstream's answer");
    }
    if (next == null) {
      throw new BrokenOff("the upstream was silent for longer than the read timeout", null);
    }
    if (next instanceof Throwable failure) {
      throw new BrokenOff("the upstream's answer broke off: " + failure, failure);
    }
    return next;
  }

  private void requestOne() {
    Flow.Subscription current = subscription;
    if (current != null) {
      current.request(1);
    }
  }
}
