package dev.portico.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis for the tests (issue 12): Debian's {@code /usr/bin/redis-server} started on a free
 * loopback port, without persistence, and stopped by {@link #close}. When the binary is absent the
 * test is skipped with a message, unless {@code PORTICO_REDIS=required} (set by {@code .ci/run},
 * which installs it), where it fails instead.
 *
 * <p>One server per test class: {@code static final RedisServer REDIS = RedisServer.start();} and
 * {@code spring.data.redis.url=REDIS.url()} through a {@code @DynamicPropertySource}.
 */
public final class RedisServer implements AutoCloseable {

  private static final Path BINARY = Path.of("/usr/bin/redis-server");

  private final Process process;
  private final int port;

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a server, or skips the calling test when there is no binary and none is required. */
  public static RedisServer start() {
    return startOn(0);
  }

  /**
   * Starts a server on this port (0: a free one), e.g. a new server where a stopped one was, as
   * after an outage; skips like {@link #start()}.
   */
  public static RedisServer startOn(int requestedPort) {
    if (!Files.isExecutable(BINARY)) {
      String missing = BINARY + " is not installed (apt-get install redis-server)";
      if ("required".equalsIgnoreCase(System.getenv("PORTICO_REDIS"))) {
        throw new IllegalStateException(missing + " (PORTICO_REDIS=required, so this fails)");
      }
      Assumptions.abort(missing + ": skipping the Redis tests");
    }
    int port = requestedPort == 0 ? freePort() : requestedPort;
    try {
      Process process =
          new ProcessBuilder(
                  BINARY.toString(),
                  "--port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no",
                  "--daemonize",
                  "no",
                  "--protected-mode",
                  "yes")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      RedisServer server = new RedisServer(process, port);
      server.awaitListening();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + BINARY, e);
    }
  }

  /** {@code redis://127.0.0.1:<port>}, for {@code spring.data.redis.url}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Stops the server (as an outage would); {@link #close} is the same. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void awaitListening() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited with " + process.exitValue());
      }
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    stop();
    throw new IllegalStateException("redis-server did not listen on " + port + " within 15 s");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
